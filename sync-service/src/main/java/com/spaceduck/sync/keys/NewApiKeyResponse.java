package com.spaceduck.sync.keys;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/venues/{venueId}/api-key}: the only answer that ever carries the whole key.
 *
 * @param apiKey the key; it cannot be shown again
 */
public record NewApiKeyResponse(
    @Schema(examples = "5b7e9c1a-3d2f-4a6b-8c9d-0e1f2a3b4c5d") UUID venueId,
    @Schema(examples = "dk_live_Ab3xQ9mZ7tL2vR8kW4nP6yC1sF5hJ0dG") String apiKey,
    @Schema(examples = "dk_live_Ab3x") String prefix,
    @Schema(examples = "2026-11-30T09:15:00Z") Instant createdAt) {}
