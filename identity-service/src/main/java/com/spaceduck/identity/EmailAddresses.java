package com.spaceduck.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email normalisation and a pragmatic syntax check (RFC 5321 sizes, dot-atom local part). */
public final class EmailAddresses {

  public static final int MAX_LENGTH = 254;

  private static final Pattern VALID =
      Pattern.compile(
          "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

  private EmailAddresses() {}

  /** Trimmed and lower-cased, the form emails are stored and compared in. */
  public static String normalize(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  /** Whether a normalised address is acceptable. */
  public static boolean valid(String normalized) {
    if (normalized == null || normalized.length() > MAX_LENGTH) {
      return false;
    }
    int at = normalized.indexOf('@');
    return at > 0 && at <= 64 && VALID.matcher(normalized).matches();
  }

  public static String localPart(String normalized) {
    return normalized.substring(0, normalized.indexOf('@'));
  }

  public static String domain(String normalized) {
    return normalized.substring(normalized.indexOf('@') + 1);
  }
}
