package com.spaceduck.identity.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its owner sees it; the secret is never shown again after creation. */
public record WebhookResponse(
    @Schema(examples = "3f6c1b9e-2a4d-4e8f-9b7a-5c1d2e3f4a5b") UUID webhookId,
    @Schema(examples = "https://hooks.example.com/spaceduck") String url,
    List<String> events,
    @Schema(examples = "Certificates to our CRM") String description,
    @Schema(examples = "true") boolean enabled,
    @Schema(examples = "false") boolean ordered,
    @Schema(examples = "endpoint answered 410 Gone") String disabledReason,
    @Schema(examples = "2026-11-30T10:00:00Z") Instant disabledAt,
    @Schema(examples = "2026-11-30T09:15:00Z") Instant createdAt,
    @Schema(examples = "2026-11-30T09:20:00Z") Instant updatedAt) {

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
