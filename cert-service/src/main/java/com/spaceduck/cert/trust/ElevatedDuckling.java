package com.spaceduck.cert.trust;

import com.spaceduck.platform.contracts.TrustElevated;
import com.spaceduck.platform.contracts.TrustTier;
import java.util.Optional;
import java.util.UUID;

/** What re-tiering needs from a {@code trust.elevated} event. */
public record ElevatedDuckling(UUID ducklingId, TrustTier toTier) {

  /** Reads the event's data; empty when it names no duckling or no new tier. */
  public static Optional<ElevatedDuckling> from(TrustElevated elevated) {
    if (elevated.ducklingId() == null || elevated.toTier() == null) {
      return Optional.empty();
    }
    return Optional.of(new ElevatedDuckling(elevated.ducklingId(), elevated.toTier()));
  }
}
