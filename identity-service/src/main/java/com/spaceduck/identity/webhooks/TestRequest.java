package com.spaceduck.identity.webhooks;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code event_type}: one of the event types a webhook can subscribe to. */
public record TestRequest(@Schema(examples = "cert.issued") @NotBlank String eventType) {}
