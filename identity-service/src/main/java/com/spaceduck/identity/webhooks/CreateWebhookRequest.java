package com.spaceduck.identity.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code events}: names from agent.registered, cert.issued, peck.sent, trust.elevated. */
public record CreateWebhookRequest(
    @Schema(examples = "https://hooks.example.com/spaceduck") @NotBlank String url,
    @NotEmpty @Size(max = 10) List<@NotBlank String> events,
    @Schema(examples = "Certificates to our CRM") @Size(max = 500) String description,
    Boolean ordered) {}
