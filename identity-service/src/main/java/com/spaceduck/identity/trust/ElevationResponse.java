package com.spaceduck.identity.trust;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of an elevation: {@code granted} at once (T1) or a {@code pending} request for an
 * operator (T2, T3), later {@code approved} or {@code rejected}. Operators also see who asked and
 * the details they gave.
 */
public record ElevationResponse(
    UUID requestId,
    UUID ducklingId,
    String status,
    String fromTier,
    String targetTier,
    String trustTier,
    String legalName,
    String postalAddress,
    String reason,
    Instant createdAt,
    Instant decidedAt) {

  static ElevationResponse of(Elevation elevation, String currentTier) {
    return new ElevationResponse(
        elevation.id,
        elevation.ducklingId,
        elevation.status.id(),
        elevation.fromTier.name(),
        elevation.targetTier.name(),
        currentTier,
        elevation.legalName,
        elevation.postalAddress,
        elevation.reason,
        elevation.createdAt,
        elevation.decidedAt);
  }
}
