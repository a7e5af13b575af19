package com.spaceduck.sync.keys;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /v1/venues/{venueId}/api-key}: how to recognise the key and how it is used, never the
 * key itself.
 */
public record ApiKeyResponse(
    UUID venueId, String prefix, Instant createdAt, Instant lastUsedAt, String lastUserAgent) {

  static ApiKeyResponse of(ApiKey key) {
    return new ApiKeyResponse(
        key.venueId, key.prefix, key.createdAt, key.lastUsedAt, key.lastUserAgent);
  }
}
