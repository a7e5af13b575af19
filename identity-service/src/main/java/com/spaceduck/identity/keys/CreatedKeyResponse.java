package com.spaceduck.identity.keys;

import java.time.Instant;
import java.util.UUID;

/** The new key, the only time it is ever shown in full. */
public record CreatedKeyResponse(
    UUID keyId,
    String key,
    String prefix,
    String name,
    String tier,
    Instant createdAt,
    Instant expiresAt) {}
