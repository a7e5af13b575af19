package com.spaceduck.identity.pecks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.identity.agents.Agent;
import com.spaceduck.identity.agents.AgentRepository;
import com.spaceduck.identity.auth.Caller;
import com.spaceduck.platform.contracts.PeckSent;
import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Outbox;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.sql.InTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The Peck Protocol: an agent sends a JSON body to another agent. The sender must be one of the
 * caller's agents (T1 and up); the receiver may be anyone's but must be bonded, so only agents a
 * certified duckling vouches for can be pecked. Each peck is a {@code peck.sent} event, which both
 * owners' webhooks receive.
 */
@ApplicationScoped
public class PeckService {

  static final TrustTier SEND_TIER = TrustTier.T1;
  static final int MAX_BODY_BYTES = 4096;

  private final PeckRepository pecks;
  private final AgentRepository agents;
  private final Outbox outbox;
  private final ObjectMapper json;
  private final Clock clock;

  public PeckService(
      PeckRepository pecks, AgentRepository agents, Outbox outbox, ObjectMapper json, Clock clock) {
    this.pecks = pecks;
    this.agents = agents;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  @InTransaction
  public Uni<PeckResponse> send(Caller caller, SendPeckRequest request) {
    caller.requireTier(SEND_TIER);
    String body = compact(request.body());
    if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      throw ProblemException.invalid(
          "The peck is too large.",
          List.of(new FieldError("body", "must be at most " + MAX_BODY_BYTES + " bytes of JSON")));
    }
    return agents
        .findOwned(request.fromAgentId(), caller.ducklingId())
        .chain(
            from -> {
              if (from == null) {
                throw new ProblemException(
                    ErrorKind.NOT_FOUND, "None of your agents has the id from_agent_id.");
              }
              return agents.findById(request.toAgentId()).chain(to -> store(from, to, body));
            });
  }

  private Uni<PeckResponse> store(Agent from, Agent to, String body) {
    if (to == null) {
      throw new ProblemException(ErrorKind.NOT_FOUND, "No agent has the id to_agent_id.");
    }
    if (to.bondedAt == null) {
      throw new ProblemException(
          ErrorKind.CONFLICT, "The receiving agent is not bonded, so it cannot be pecked.");
    }
    Peck peck = new Peck();
    peck.id = UUID.randomUUID();
    peck.fromAgentId = from.id;
    peck.fromDucklingId = from.ducklingId;
    peck.toAgentId = to.id;
    peck.toDucklingId = to.ducklingId;
    peck.body = body;
    peck.sentAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    PeckSent event =
        new PeckSent(
            peck.id,
            peck.fromAgentId,
            peck.fromDucklingId,
            peck.toAgentId,
            peck.toDucklingId,
            peck.body,
            peck.sentAt);
    return pecks
        .insert(peck)
        .chain(() -> outbox.append(peck.id.toString(), event))
        .replaceWith(() -> new PeckResponse(peck.id, peck.sentAt));
  }

  /** One page of the pecks of one of the caller's agents, newest first. */
  public Uni<PeckListResponse> list(
      Caller caller, UUID agentId, PeckDirection direction, int page, int size) {
    return agents
        .findOwned(agentId, caller.ducklingId())
        .chain(
            agent -> {
              if (agent == null) {
                throw new ProblemException(ErrorKind.NOT_FOUND, "No agent with this id.");
              }
              // One more than asked for tells whether another page follows.
              return pecks.slice(agentId, direction, page * size, size + 1);
            })
        .map(
            found -> {
              boolean more = found.size() > size;
              List<PeckView> views = found.stream().limit(size).map(this::view).toList();
              return new PeckListResponse(views, page, size, more ? page + 1 : null);
            });
  }

  private PeckView view(Peck peck) {
    JsonNode body;
    try {
      body = json.readTree(peck.body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored peck " + peck.id + " is not JSON", e);
    }
    return new PeckView(peck.id, peck.fromAgentId, peck.toAgentId, body, peck.sentAt);
  }

  private String compact(JsonNode body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A parsed JSON body could not be written", e);
    }
  }
}
