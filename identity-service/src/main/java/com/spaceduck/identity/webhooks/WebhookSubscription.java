package com.spaceduck.identity.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A duckling's webhook endpoint, the event types it receives and its signing secrets. */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription {

  @Id public UUID id;

  @Column(name = "duckling_id", nullable = false)
  public UUID ducklingId;

  @Column(nullable = false)
  public String url;

  /** Comma-separated event type names. */
  @Column(nullable = false)
  public String events;

  public String description;

  @Column(nullable = false)
  public boolean enabled;

  @Column(nullable = false)
  public boolean ordered;

  @Column(nullable = false)
  public String secret;

  @Column(name = "previous_secret")
  public String previousSecret;

  @Column(name = "previous_secret_expires_at")
  public Instant previousSecretExpiresAt;

  @Column(name = "disabled_reason")
  public String disabledReason;

  @Column(name = "disabled_at")
  public Instant disabledAt;

  @Column(name = "failing_since")
  public Instant failingSince;

  @Column(name = "next_sequence", nullable = false)
  public long nextSequence;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  List<String> eventList() {
    return Arrays.asList(events.split(","));
  }
}
