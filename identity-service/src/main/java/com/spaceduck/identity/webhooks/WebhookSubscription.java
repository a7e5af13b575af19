package com.spaceduck.identity.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A duckling's webhook endpoint, the event types it receives and its signing secrets. A row of
 * {@code webhook_subscriptions}.
 */
public class WebhookSubscription {

  public UUID id;

  public UUID ducklingId;

  public String url;

  /** Comma-separated event type names. */
  public String events;

  public String description;

  public boolean enabled;

  public boolean ordered;

  public String secret;

  public String previousSecret;

  public Instant previousSecretExpiresAt;

  public String disabledReason;

  public Instant disabledAt;

  public Instant failingSince;

  public long nextSequence;

  public Instant createdAt;

  public Instant updatedAt;

  List<String> eventList() {
    return Arrays.asList(events.split(","));
  }
}
