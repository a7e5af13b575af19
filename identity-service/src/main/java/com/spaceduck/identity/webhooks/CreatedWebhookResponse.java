package com.spaceduck.identity.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription with its signing secret, shown this once. */
public record CreatedWebhookResponse(
    @Schema(examples = "3f6c1b9e-2a4d-4e8f-9b7a-5c1d2e3f4a5b") UUID webhookId,
    @Schema(examples = "https://hooks.example.com/spaceduck") String url,
    List<String> events,
    @Schema(examples = "Certificates to our CRM") String description,
    @Schema(examples = "true") boolean enabled,
    @Schema(examples = "false") boolean ordered,
    @Schema(examples = "whsec_9Jq3x7Vh2mPz8Lk4Tn6Rb1Wc5Yd0Fe3G") String secret,
    @Schema(examples = "2026-11-30T09:15:00Z") Instant createdAt) {

  static CreatedWebhookResponse of(WebhookSubscription s) {
    return new CreatedWebhookResponse(
        s.id, s.url, s.eventList(), s.description, s.enabled, s.ordered, s.secret, s.createdAt);
  }
}
