package com.spaceduck.identity.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code events}: names from agent.registered, cert.issued, peck.sent, trust.elevated. */
public record CreateWebhookRequest(
    @NotBlank String url,
    @NotEmpty @Size(max = 10) List<@NotBlank String> events,
    @Size(max = 500) String description,
    Boolean ordered) {}
