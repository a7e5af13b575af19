package com.spaceduck.sync.keys;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /v1/venues/{venueId}/api-key}: how to recognise the key and how it is used, never the
 * key itself.
 */
public record ApiKeyResponse(
    @Schema(examples = "5b7e9c1a-3d2f-4a6b-8c9d-0e1f2a3b4c5d") UUID venueId,
    @Schema(examples = "dk_live_Ab3x") String prefix,
    @Schema(examples = "2026-11-30T09:15:00Z") Instant createdAt,
    @Schema(examples = "2026-11-30T10:02:11Z") Instant lastUsedAt,
    @Schema(examples = "PondPOS/4.2") String lastUserAgent) {

  static ApiKeyResponse of(ApiKey key) {
    return new ApiKeyResponse(
        key.venueId, key.prefix, key.createdAt, key.lastUsedAt, key.lastUserAgent);
  }
}
