package com.spaceduck.identity.webhooks;

import jakarta.validation.constraints.NotBlank;

/** {@code event_type}: one of the event types a webhook can subscribe to. */
public record TestRequest(@NotBlank String eventType) {}
