package com.spaceduck.gateway.support;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** {@code sd_token}s signed with the test-only key, as identity-service would issue them. */
public final class Tokens {

  private Tokens() {}

  public static final String ISSUER = "https://spaceduck.example/identity";
  public static final String AUDIENCE = "https://spaceduck.example/api";

  private static final Path PRIVATE_KEY =
      Path.of("src/test/resources/test-keys/test-only-private.pem");
  private static final Path PUBLIC_KEY =
      Path.of("src/test/resources/test-keys/test-only-public.pem");

  public static String sdToken(String subject) {
    return sdToken(subject, ISSUER);
  }

  public static String sdToken(String subject, String issuer) {
    return sdToken(subject, issuer, AUDIENCE);
  }

  /** A token for {@code audience}; none when it is {@code null}. */
  public static String sdToken(String subject, String issuer, String audience) {
    return sign(
        claims(subject, issuer, audience), privateKey(), AlgorithmIdentifiers.RSA_USING_SHA256);
  }

  /** The claims of a token valid for an hour from now; no {@code sub} when it is {@code null}. */
  public static JwtClaims claims(String subject, String issuer, String audience) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    if (subject != null) {
      claims.setSubject(subject);
    }
    if (audience != null) {
      claims.setAudience(audience);
    }
    claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 3600));
    claims.setIssuedAtToNow();
    return claims;
  }

  /**
   * A compact JWS of {@code claims} under {@code algorithm} ({@code none} too, then {@code key} is
   * ignored).
   */
  public static String sign(JwtClaims claims, Key key, String algorithm) {
    try {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setAlgorithmHeaderValue(algorithm);
      if (AlgorithmIdentifiers.NONE.equals(algorithm)) {
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
      } else {
        jws.setKey(key);
        jws.setDoKeyValidation(false);
      }
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static PrivateKey privateKey() {
    try {
      return KeyUtils.decodePrivateKey(Files.readString(PRIVATE_KEY), SignatureAlgorithm.RS256);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static PublicKey publicKey() {
    try {
      return KeyUtils.decodePublicKey(Files.readString(PUBLIC_KEY), SignatureAlgorithm.RS256);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
