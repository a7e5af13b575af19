package com.spaceduck.identity.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A partial update: absent fields stay as they are. Enabling again clears a disabled reason. */
public record UpdateWebhookRequest(
    String url,
    @Size(min = 1, max = 10) List<@NotBlank String> events,
    @Size(max = 500) String description,
    Boolean enabled,
    Boolean ordered) {}
