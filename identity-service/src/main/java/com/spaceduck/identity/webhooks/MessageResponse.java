package com.spaceduck.identity.webhooks;

import java.time.Instant;
import java.util.UUID;

/** A message as its subscription's owner sees it; {@code body} is its first 1 KiB. */
public record MessageResponse(
    UUID messageId,
    long sequence,
    String eventType,
    String status,
    int attempts,
    Integer lastResponseStatus,
    String lastResponseBody,
    String lastError,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant deliveredAt,
    String body) {

  static MessageResponse of(WebhookMessage m) {
    return new MessageResponse(
        m.id,
        m.sequence,
        m.eventType,
        m.status,
        m.attempts,
        m.lastStatus,
        m.lastResponse,
        m.lastError,
        m.lastAttemptAt,
        "pending".equals(m.status) ? m.nextAttemptAt : null,
        m.createdAt,
        m.deliveredAt,
        WebhookDelivery.excerpt(m.payload));
  }
}
