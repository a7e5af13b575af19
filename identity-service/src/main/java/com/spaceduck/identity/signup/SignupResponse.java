package com.spaceduck.identity.signup;

import java.time.Instant;
import java.util.UUID;

public record SignupResponse(
    UUID ducklingId, String email, String displayName, String trustTier, Instant createdAt) {}
