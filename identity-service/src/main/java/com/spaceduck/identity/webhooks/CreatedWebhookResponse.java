package com.spaceduck.identity.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A new subscription with its signing secret, shown this once. */
public record CreatedWebhookResponse(
    UUID webhookId,
    String url,
    List<String> events,
    String description,
    boolean enabled,
    boolean ordered,
    String secret,
    Instant createdAt) {

  static CreatedWebhookResponse of(WebhookSubscription s) {
    return new CreatedWebhookResponse(
        s.id, s.url, s.eventList(), s.description, s.enabled, s.ordered, s.secret, s.createdAt);
  }
}
