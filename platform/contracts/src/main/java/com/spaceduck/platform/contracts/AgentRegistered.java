package com.spaceduck.platform.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** A duckling registered an agent (identity-service). */
@RegisterForReflection
public record AgentRegistered(UUID agentId, UUID ducklingId, String name) implements EventData {

  public static final String NAME = "agent.registered";
  public static final int VERSION = 1;
  public static final EventType<AgentRegistered> TYPE =
      new EventType<>(NAME, VERSION, AgentRegistered.class);

  @Override
  public EventType<AgentRegistered> eventType() {
    return TYPE;
  }
}
