package com.spaceduck.identity.agents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An agent acting for a duckling; bonded once its owner vouches for it. */
@Entity
@Table(name = "agents")
public class Agent {

  @Id public UUID id;

  @Column(name = "duckling_id", nullable = false)
  public UUID ducklingId;

  @Column(nullable = false)
  public String name;

  @Column(name = "bonded_at")
  public Instant bondedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
