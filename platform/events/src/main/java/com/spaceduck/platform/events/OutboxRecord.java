package com.spaceduck.platform.events;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of the transactional outbox (see {@code db/platform/V0.1__event_outbox.sql}). */
@Entity
@Table(name = "event_outbox")
public class OutboxRecord extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false, length = 100)
  public String type;

  @Column(nullable = false)
  public String payload;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "published_at")
  public Instant publishedAt;
}
