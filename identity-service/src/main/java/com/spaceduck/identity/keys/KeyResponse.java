package com.spaceduck.identity.keys;

import java.time.Instant;
import java.util.UUID;

/** A key as listed: never the secret or its hash. */
public record KeyResponse(
    UUID keyId,
    String prefix,
    String name,
    String tier,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt) {

  static KeyResponse of(BeakKey key) {
    return new KeyResponse(
        key.id,
        key.prefix,
        key.name,
        key.tier.name(),
        key.createdAt,
        key.expiresAt,
        key.lastUsedAt);
  }
}
