package com.spaceduck.identity.keys;

import com.spaceduck.platform.keys.SecretKeys;

/**
 * The Beak Key format: {@code bk_live_} followed by 32 URL-safe base64 characters, the shape every
 * Space Duck API key shares ({@link SecretKeys}): stored as a 16-character readable prefix and a
 * SHA-256.
 */
public final class BeakKeys {

  public static final String PREFIX = "bk_live_";
  public static final int SECRET_CHARS = SecretKeys.SECRET_CHARS;
  public static final int LENGTH = PREFIX.length() + SECRET_CHARS;
  public static final int READABLE_PREFIX = SecretKeys.READABLE_PREFIX;

  private BeakKeys() {}

  public static String generate() {
    return SecretKeys.generate(PREFIX);
  }

  /** Whether a bearer value is meant as a Beak Key (rather than a JWT). */
  public static boolean looksLikeKey(String value) {
    return value.startsWith("bk_");
  }

  public static boolean wellFormed(String key) {
    return SecretKeys.wellFormed(key, PREFIX);
  }

  /** Lower-case hex SHA-256 of the whole key, as stored. */
  public static String hash(String key) {
    return SecretKeys.hash(key);
  }

  public static String readablePrefix(String key) {
    return SecretKeys.readablePrefix(key);
  }
}
