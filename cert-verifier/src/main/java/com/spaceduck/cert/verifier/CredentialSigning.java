package com.spaceduck.cert.verifier;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** The signing side of the format: compact ES256 JWS, key ids and the published JWK Set. */
public final class CredentialSigning {

  private CredentialSigning() {}

  /**
   * The compact JWS of {@code payload} (JSON), with {@code alg: ES256}, {@code typ} and {@code
   * kid}.
   */
  public static String sign(String payload, String type, PrivateKey key, String keyId) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(payload);
    jws.setAlgorithmHeaderValue(CredentialFormat.ALGORITHM);
    jws.setHeader("typ", type);
    jws.setKeyIdHeaderValue(keyId);
    jws.setKey(key);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("Cannot sign with key " + keyId, e);
    }
  }

  /** The {@code kid} of a P-256 public key: its RFC 7638 JWK thumbprint (SHA-256). */
  public static String keyId(PublicKey key) {
    requireP256(key);
    try {
      return PublicJsonWebKey.Factory.newPublicJwk(key)
          .calculateBase64urlEncodedThumbprint("SHA-256");
    } catch (JoseException e) {
      throw new IllegalArgumentException("Not a usable public key", e);
    }
  }

  /** The JWK Set publishing {@code keys} (by {@code kid}), public parts only. */
  public static String jwks(Map<String, PublicKey> keys) {
    try {
      JsonWebKeySet set = new JsonWebKeySet();
      for (Map.Entry<String, PublicKey> entry : keys.entrySet()) {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(entry.getValue());
        jwk.setKeyId(entry.getKey());
        jwk.setUse("sig");
        jwk.setAlgorithm(CredentialFormat.ALGORITHM);
        set.addJsonWebKey(jwk);
      }
      return set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    } catch (JoseException e) {
      throw new IllegalArgumentException("Not a usable public key", e);
    }
  }

  /**
   * @throws IllegalArgumentException unless the key is an EC key on P-256, the curve of ES256
   */
  public static void requireP256(PublicKey key) {
    String curve = null;
    if (key instanceof ECPublicKey) {
      try {
        curve =
            ((EllipticCurveJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(key)).getCurveName();
      } catch (JoseException e) {
        curve = null;
      }
    }
    if (!EllipticCurves.P_256.equals(curve)) {
      throw new IllegalArgumentException(
          "Credential keys are EC P-256 keys (ES256); this one is "
              + key.getAlgorithm()
              + (curve == null ? "" : " on " + curve));
    }
  }
}
