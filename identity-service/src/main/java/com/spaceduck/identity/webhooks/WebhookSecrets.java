package com.spaceduck.identity.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets: {@code whsec_} + base64 of 24 random bytes (the Standard Webhooks form). */
final class WebhookSecrets {

  static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSecrets() {}

  static String generate() {
    byte[] key = new byte[24];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The HMAC key: the base64-decoded part after {@code whsec_}. */
  static byte[] key(String secret) {
    return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
  }
}
