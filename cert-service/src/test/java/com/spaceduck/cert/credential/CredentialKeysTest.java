package com.spaceduck.cert.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.cert.CertConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Start-up refuses every key set-up that cannot sign credentials, naming the setting. */
class CredentialKeysTest {

  private static final String KEY = "test-keys/credential-signing-test-only.pem";
  private static final String PUBLIC = "test-keys/credential-signing-test-only.pub.pem";
  private static final String NEXT_PUBLIC = "test-keys/credential-signing-next-test-only.pub.pem";
  private static final String RSA_PRIVATE = "test-keys/test-only-private.pem";
  private static final String RSA_PUBLIC = "test-keys/test-only-public.pem";

  @Test
  void missingKeysStopStartUpWithHowToMakeThem() {
    String message = refused(null, PUBLIC);
    assertTrue(
        message.startsWith("spaceduck.cert.credentials.signing-key-location is not set"), message);
    assertTrue(message.contains("SPACEDUCK_CERT_CREDENTIALS_SIGNING_KEY_LOCATION"), message);
    assertTrue(message.contains("openssl genpkey -algorithm EC"), message);
    assertTrue(refused(KEY, null).startsWith("spaceduck.cert.credentials.public-key-location"));
  }

  @Test
  void unreadableKeyIsNamed() {
    String message = refused("/nonexistent/signing.pem", PUBLIC);
    assertTrue(message.contains("/nonexistent/signing.pem, which cannot be read"), message);
  }

  @Test
  void halvesOfDifferentPairsAreRefused() {
    assertTrue(refused(KEY, NEXT_PUBLIC).contains("are not the two halves of one key pair"));
  }

  @Test
  void identitysRsaKeysAreRefused() {
    assertTrue(refused(RSA_PRIVATE, RSA_PUBLIC).contains("is not a PEM EC"));
    assertTrue(refused(KEY, RSA_PUBLIC).contains("is not a PEM EC public key"));
  }

  @Test
  void validPairSignsAndRetiredKeysArePublishedAfterIt() {
    CredentialKeys keys = new CredentialKeys(config(KEY, PUBLIC, List.of(NEXT_PUBLIC, PUBLIC)));
    assertEquals(1, keys.retiredKeyIds().size(), "the signing key is not listed twice");
    String retired = keys.retiredKeyIds().get(0);
    assertEquals(Set.of(keys.signingKeyId(), retired), keys.verifier().keyIds());
    assertTrue(keys.jwks().indexOf(keys.signingKeyId()) < keys.jwks().indexOf(retired));
  }

  private static String refused(String key, String publicKey) {
    return assertThrows(
            IllegalStateException.class,
            () -> new CredentialKeys(config(key, publicKey, List.of())))
        .getMessage();
  }

  private static CertConfig.Credentials config(String key, String publicKey, List<String> retired) {
    return new CertConfig.Credentials() {
      @Override
      public Optional<String> signingKeyLocation() {
        return Optional.ofNullable(key);
      }

      @Override
      public Optional<String> publicKeyLocation() {
        return Optional.ofNullable(publicKey);
      }

      @Override
      public Optional<List<String>> retiredKeyLocations() {
        return Optional.of(retired);
      }
    };
  }
}
