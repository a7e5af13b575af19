package com.spaceduck.identity.pecks;

import java.time.Instant;
import java.util.UUID;

/**
 * A JSON message from one agent to another; the owners of both are kept for their views. A row of
 * {@code pecks}.
 */
public class Peck {

  public UUID id;

  public UUID fromAgentId;

  public UUID fromDucklingId;

  public UUID toAgentId;

  public UUID toDucklingId;

  /** The body as the JSON text it was sent as. */
  public String body;

  public Instant sentAt;
}
