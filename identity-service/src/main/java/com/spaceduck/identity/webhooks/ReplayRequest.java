package com.spaceduck.identity.webhooks;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

public record ReplayRequest(@NotNull Instant since) {}
