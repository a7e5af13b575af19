package com.spaceduck.identity.agents;

import java.time.Instant;
import java.util.UUID;

public record AgentResponse(
    UUID agentId, String name, boolean bonded, Instant bondedAt, Instant createdAt) {

  static AgentResponse of(Agent agent) {
    return new AgentResponse(
        agent.id, agent.name, agent.bondedAt != null, agent.bondedAt, agent.createdAt);
  }
}
