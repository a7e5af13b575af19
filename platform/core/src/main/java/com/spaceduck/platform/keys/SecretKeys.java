package com.spaceduck.platform.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The shape every Space Duck API key shares: a readable prefix such as {@code dk_live_}, then 32
 * URL-safe base64 characters (24 random bytes, 192 bits). Only the first 16 characters are stored
 * readable; the key itself only as its SHA-256, which is enough for a random secret of this size
 * (no slow hash needed, unlike passwords).
 */
public final class SecretKeys {

  public static final int SECRET_CHARS = 32;
  public static final int READABLE_PREFIX = 16;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  private SecretKeys() {}

  /** A new key: {@code prefix} followed by 32 URL-safe base64 characters from a CSPRNG. */
  public static String generate(String prefix) {
    byte[] secret = new byte[SECRET_CHARS * 3 / 4];
    RANDOM.nextBytes(secret);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** Whether {@code key} is {@code prefix} followed by exactly 32 URL-safe base64 characters. */
  public static boolean wellFormed(String key, String prefix) {
    if (key == null || key.length() != prefix.length() + SECRET_CHARS || !key.startsWith(prefix)) {
      return false;
    }
    for (int i = prefix.length(); i < key.length(); i++) {
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
    return HexFormat.of().formatHex(SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  /** The first 16 characters, the only part stored readable. */
  public static String readablePrefix(String key) {
    return key.substring(0, READABLE_PREFIX);
  }
}
