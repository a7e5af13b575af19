package com.spaceduck.platform.contracts;

import java.util.Optional;

/**
 * Trust tiers, lowest first: T0 on sign-up, T1 verified, T2 certified, T3 agent-bonded.
 * identity-service decides them; certificates and events carry them by name.
 */
public enum TrustTier {
  T0,
  T1,
  T2,
  T3;

  public boolean below(TrustTier other) {
    return compareTo(other) < 0;
  }

  public boolean atLeast(TrustTier other) {
    return compareTo(other) >= 0;
  }

  /** The next tier up, or empty at the top. */
  public Optional<TrustTier> next() {
    return ordinal() + 1 < values().length
        ? Optional.of(values()[ordinal() + 1])
        : Optional.empty();
  }

  /** The tier named exactly {@code name} ({@code "T2"}), or empty for anything else. */
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
