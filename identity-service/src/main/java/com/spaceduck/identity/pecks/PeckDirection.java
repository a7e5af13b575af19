package com.spaceduck.identity.pecks;

import java.util.Locale;
import java.util.Optional;

/** Which of an agent's pecks to list: received, sent, or both. */
public enum PeckDirection {
  IN,
  OUT,
  BOTH;

  /** {@code in}, {@code out}, or nothing for both; anything else is empty. */
  static Optional<PeckDirection> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(BOTH);
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "in" -> Optional.of(IN);
      case "out" -> Optional.of(OUT);
      default -> Optional.empty();
    };
  }
}
