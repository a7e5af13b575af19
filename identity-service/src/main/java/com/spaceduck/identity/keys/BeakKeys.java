package com.spaceduck.identity.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Beak Key format: {@code bk_live_} followed by 32 URL-safe base64 characters (24 random bytes,
 * 192 bits). Only the first 16 characters are stored readable; the key itself only as its SHA-256,
 * which is enough for a random secret of this size (no slow hash needed, unlike passwords).
 */
public final class BeakKeys {

  public static final String PREFIX = "bk_live_";
  public static final int SECRET_CHARS = 32;
  public static final int LENGTH = PREFIX.length() + SECRET_CHARS;
  public static final int READABLE_PREFIX = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private BeakKeys() {}

  public static String generate() {
    byte[] secret = new byte[SECRET_CHARS * 3 / 4];
    RANDOM.nextBytes(secret);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** Whether a bearer value is meant as a Beak Key (rather than a JWT). */
  public static boolean looksLikeKey(String value) {
    return value.startsWith("bk_");
  }

  public static boolean wellFormed(String key) {
    if (key == null || key.length() != LENGTH || !key.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Lower-case hex SHA-256 of the whole key, as stored. */
  public static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String readablePrefix(String key) {
    return key.substring(0, READABLE_PREFIX);
  }
}
