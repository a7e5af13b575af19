package com.spaceduck.identity.agents;

import com.spaceduck.identity.auth.Caller;
import com.spaceduck.platform.contracts.AgentRegistered;
import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Outbox;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.sql.InTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Agents: registering one needs T1 (a verified duckling); bonding one, which counts towards T3 and
 * the public {@code bonded} metric, needs T2 (a certified duckling vouches for it).
 */
@ApplicationScoped
public class AgentService {

  static final TrustTier REGISTER_TIER = TrustTier.T1;
  static final TrustTier BOND_TIER = TrustTier.T2;

  private final AgentRepository agents;
  private final Outbox outbox;
  private final Clock clock;

  public AgentService(AgentRepository agents, Outbox outbox, Clock clock) {
    this.agents = agents;
    this.outbox = outbox;
    this.clock = clock;
  }

  @InTransaction
  public Uni<AgentResponse> register(Caller caller, RegisterAgentRequest request) {
    caller.requireTier(REGISTER_TIER);
    Agent agent = new Agent();
    agent.id = UUID.randomUUID();
    agent.ducklingId = caller.ducklingId();
    agent.name = request.name().strip();
    agent.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AgentRegistered data = new AgentRegistered(agent.id, agent.ducklingId, agent.name);
    return agents
        .insert(agent)
        .chain(() -> outbox.append(agent.id.toString(), data))
        .replaceWith(() -> AgentResponse.of(agent));
  }

  /** Bonds one of the caller's agents; bonding a bonded agent changes nothing. */
  @InTransaction
  public Uni<AgentResponse> bond(Caller caller, UUID agentId) {
    caller.requireTier(BOND_TIER);
    return agents
        .findOwned(agentId, caller.ducklingId())
        .chain(
            agent -> {
              if (agent == null) {
                throw new ProblemException(ErrorKind.NOT_FOUND, "No agent with this id.");
              }
              if (agent.bondedAt != null) {
                return Uni.createFrom().item(AgentResponse.of(agent));
              }
              agent.bondedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
              return agents.bond(agent.id, agent.bondedAt).replaceWith(AgentResponse.of(agent));
            });
  }

  public Uni<AgentListResponse> list(Caller caller) {
    return agents
        .listOwned(caller.ducklingId())
        .map(owned -> new AgentListResponse(owned.stream().map(AgentResponse::of).toList()));
  }
}
