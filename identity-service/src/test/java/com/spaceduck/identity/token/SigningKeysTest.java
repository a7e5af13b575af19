package com.spaceduck.identity.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Start-up fails fast, naming the setting, when a key is missing. */
class SigningKeysTest {

  private static final Optional<String> PRIVATE = Optional.of("test-keys/test-only-private.pem");
  private static final Optional<String> PUBLIC = Optional.of("test-keys/test-only-public.pem");

  @Test
  void loadsTheTestPairAndDerivesAStableKeyId() {
    SigningKeys keys = new SigningKeys(PRIVATE, PUBLIC);
    assertEquals(keys.keyId(), new SigningKeys(PRIVATE, PUBLIC).keyId());
    assertEquals(43, keys.keyId().length());
  }

  @Test
  void missingSigningKeyNamesTheSetting() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new SigningKeys(Optional.empty(), PUBLIC));
    assertTrue(e.getMessage().contains("smallrye.jwt.sign.key.location"), e.getMessage());
    assertTrue(e.getMessage().contains("SMALLRYE_JWT_SIGN_KEY_LOCATION"), e.getMessage());
  }

  @Test
  void missingPublicKeyNamesTheSetting() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new SigningKeys(PRIVATE, Optional.empty()));
    assertTrue(e.getMessage().contains("mp.jwt.verify.publickey.location"), e.getMessage());
  }

  @Test
  void unreadableKeyFileNamesTheSettingAndPath() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new SigningKeys(Optional.of("/nonexistent/private.pem"), PUBLIC));
    assertTrue(e.getMessage().contains("/nonexistent/private.pem"), e.getMessage());
  }
}
