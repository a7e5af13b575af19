package com.spaceduck.cert;

import java.util.Optional;

/** Trust tiers in rising order (identity-service owns them; certificates mirror them). */
public enum TrustTier {
  T0,
  T1,
  T2,
  T3;

  /** The tier named exactly {@code name}, or empty for anything else (null, "t1", "T9"). */
  public static Optional<TrustTier> parse(String name) {
    if (name != null) {
      for (TrustTier tier : values()) {
        if (tier.name().equals(name)) {
          return Optional.of(tier);
        }
      }
    }
    return Optional.empty();
  }
}
