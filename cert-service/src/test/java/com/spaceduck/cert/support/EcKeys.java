package com.spaceduck.cert.support;

import com.spaceduck.platform.testing.TestJwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** EC P-256 keys for credential tests: the test-only pairs on the classpath, or fresh ones. */
public final class EcKeys {

  private EcKeys() {}

  /** A new P-256 key pair nobody publishes. */
  public static KeyPair fresh() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PKCS#8 PEM private key from the test classpath. */
  public static PrivateKey privateKey(String resource) {
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(resource)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An X.509 PEM public key from the test classpath. */
  public static PublicKey publicKey(String resource) {
    try {
      return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der(resource)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] der(String resource) {
    String pem = new String(TestJwts.resource(resource), StandardCharsets.US_ASCII);
    return Base64.getDecoder()
        .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }
}
