package com.spaceduck.sync;

import java.util.UUID;

/** Ids in paths and tokens: a malformed one is simply not found, never a 500. */
public final class Ids {

  private Ids() {}

  /** The UUID {@code value} spells, or {@code null} when it spells none. */
  public static UUID parse(String value) {
    if (value == null || value.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
