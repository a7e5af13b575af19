package com.spaceduck.identity.trust;

/** {@code GET /beak/trust}: where the caller stands and what is pending. */
public record TrustResponse(
    String trustTier,
    boolean emailVerified,
    boolean phoneVerified,
    long bondedAgents,
    ElevationResponse pendingRequest) {}
