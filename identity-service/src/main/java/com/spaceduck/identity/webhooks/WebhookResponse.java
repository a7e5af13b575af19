package com.spaceduck.identity.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as its owner sees it; the secret is never shown again after creation. */
public record WebhookResponse(
    UUID webhookId,
    String url,
    List<String> events,
    String description,
    boolean enabled,
    boolean ordered,
    String disabledReason,
    Instant disabledAt,
    Instant createdAt,
    Instant updatedAt) {

  static WebhookResponse of(WebhookSubscription s) {
    return new WebhookResponse(
        s.id,
        s.url,
        s.eventList(),
        s.description,
        s.enabled,
        s.ordered,
        s.disabledReason,
        s.disabledAt,
        s.createdAt,
        s.updatedAt);
  }
}
