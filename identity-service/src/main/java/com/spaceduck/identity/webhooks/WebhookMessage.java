package com.spaceduck.identity.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery of one event to one subscription, with its attempts so far. A row of {@code
 * webhook_messages}.
 */
public class WebhookMessage {

  public UUID id;

  public UUID subscriptionId;

  public long sequence;

  public UUID eventId;

  public String eventType;

  public String payload;

  public String status;

  public int attempts;

  public Instant nextAttemptAt;

  public Instant lastAttemptAt;

  public Integer lastStatus;

  public String lastResponse;

  public String lastError;

  public Instant createdAt;

  public Instant deliveredAt;
}
