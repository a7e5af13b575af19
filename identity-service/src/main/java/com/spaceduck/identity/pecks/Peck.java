package com.spaceduck.identity.pecks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A JSON message from one agent to another; the owners of both are kept for their views. */
@Entity
@Table(name = "pecks")
public class Peck {

  @Id public UUID id;

  @Column(name = "from_agent_id", nullable = false)
  public UUID fromAgentId;

  @Column(name = "from_duckling_id", nullable = false)
  public UUID fromDucklingId;

  @Column(name = "to_agent_id", nullable = false)
  public UUID toAgentId;

  @Column(name = "to_duckling_id", nullable = false)
  public UUID toDucklingId;

  /** The body as the JSON text it was sent as. */
  @Column(nullable = false)
  public String body;

  @Column(name = "sent_at", nullable = false)
  public Instant sentAt;
}
