package com.spaceduck.identity.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message as its subscription's owner sees it; {@code body} is its first 1 KiB. */
public record MessageResponse(
    @Schema(examples = "8d2f4a6b-1c3e-4f5a-9b8c-7d6e5f4a3b2c") UUID messageId,
    @Schema(examples = "42") long sequence,
    @Schema(examples = "cert.issued") String eventType,
    @Schema(examples = "delivered") String status,
    @Schema(examples = "1") int attempts,
    @Schema(examples = "200") Integer lastResponseStatus,
    @Schema(examples = "ok") String lastResponseBody,
    @Schema(examples = "connect timed out") String lastError,
    @Schema(examples = "2026-11-30T09:15:02Z") Instant lastAttemptAt,
    @Schema(examples = "2026-11-30T09:20:02Z") Instant nextAttemptAt,
    @Schema(examples = "2026-11-30T09:15:01Z") Instant createdAt,
    @Schema(examples = "2026-11-30T09:15:02Z") Instant deliveredAt,
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
