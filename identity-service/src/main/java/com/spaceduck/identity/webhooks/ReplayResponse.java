package com.spaceduck.identity.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ReplayResponse(@Schema(examples = "12") int messages) {}
