package com.spaceduck.cert;

import java.util.UUID;

/** Reads certificate ids as clients send them. */
public final class CertIds {

  private static final int LENGTH = 36;

  private CertIds() {}

  /**
   * The UUID in its canonical 8-4-4-4-12 hex form (either case), or null for anything else.
   * Stricter than {@link UUID#fromString}, which also takes forms like {@code 1-1-1-1-1}; the
   * length check first keeps huge inputs cheap.
   */
  public static UUID parse(String text) {
    if (text == null || text.length() != LENGTH) {
      return null;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      boolean ok =
          (i == 8 || i == 13 || i == 18 || i == 23)
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return null;
      }
    }
    return UUID.fromString(text);
  }
}
