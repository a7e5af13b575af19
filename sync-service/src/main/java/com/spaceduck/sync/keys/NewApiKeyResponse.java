package com.spaceduck.sync.keys;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /v1/venues/{venueId}/api-key}: the only answer that ever carries the whole key.
 *
 * @param apiKey the key; it cannot be shown again
 */
public record NewApiKeyResponse(UUID venueId, String apiKey, String prefix, Instant createdAt) {}
