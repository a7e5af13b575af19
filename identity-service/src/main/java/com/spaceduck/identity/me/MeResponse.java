package com.spaceduck.identity.me;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's profile. */
public record MeResponse(
    UUID ducklingId,
    @Schema(examples = "ada@example.com") String email,
    @Schema(examples = "Ada Duck") String displayName,
    @Schema(examples = "T1") String trustTier,
    Instant createdAt,
    boolean emailVerified,
    boolean phoneVerified) {}
