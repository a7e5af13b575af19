package com.spaceduck.identity.signup;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SignupResponse(
    UUID ducklingId,
    @Schema(examples = "ada@example.com") String email,
    @Schema(examples = "Ada Duck") String displayName,
    @Schema(examples = "T0") String trustTier,
    Instant createdAt) {}
