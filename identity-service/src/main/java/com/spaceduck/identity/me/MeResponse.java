package com.spaceduck.identity.me;

import java.time.Instant;
import java.util.UUID;

/** The caller's profile. */
public record MeResponse(
    UUID ducklingId,
    String email,
    String displayName,
    String trustTier,
    Instant createdAt,
    boolean emailVerified,
    boolean phoneVerified) {}
