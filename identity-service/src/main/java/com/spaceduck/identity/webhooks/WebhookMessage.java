package com.spaceduck.identity.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One delivery of one event to one subscription, with its attempts so far. */
@Entity
@Table(name = "webhook_messages")
public class WebhookMessage {

  @Id public UUID id;

  @Column(name = "subscription_id", nullable = false)
  public UUID subscriptionId;

  @Column(nullable = false)
  public long sequence;

  @Column(name = "event_id")
  public UUID eventId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String payload;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  @Column(name = "last_attempt_at")
  public Instant lastAttemptAt;

  @Column(name = "last_status")
  public Integer lastStatus;

  @Column(name = "last_response")
  public String lastResponse;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "delivered_at")
  public Instant deliveredAt;
}
