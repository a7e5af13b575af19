package com.spaceduck.cert.support;

import com.spaceduck.platform.testing.TestJwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Mints sd_tokens the way identity-service does (RS256, its issuer, {@code aud} = the API, {@code
 * sub} = duckling id, {@code groups}, {@code tier}), signed with the test-only key, plus the forged
 * kinds the service must refuse.
 */
public final class Tokens {

  public static final String ISSUER = "https://spaceduck.example/identity";
  public static final String AUDIENCE = "https://spaceduck.example/api";
  private static final String PRIVATE_KEY = "test-keys/test-only-private.pem";
  private static final String PUBLIC_KEY = "test-keys/test-only-public.pem";

  private Tokens() {}

  /** A valid token for a duckling. */
  public static String duckling(UUID ducklingId) {
    return sign(claims(ducklingId.toString(), ISSUER, List.of("duckling"), Duration.ofHours(1)));
  }

  /** A valid token for an operator. */
  public static String operator(UUID ducklingId) {
    return sign(
        claims(
            ducklingId.toString(), ISSUER, List.of("duckling", "operator"), Duration.ofHours(1)));
  }

  /** Signed correctly but expired ten minutes ago (beyond any clock skew allowance). */
  public static String expired(UUID ducklingId) {
    JwtClaims claims =
        claims(ducklingId.toString(), ISSUER, List.of("duckling"), Duration.ofMinutes(-10));
    claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(4200).getEpochSecond()));
    return sign(claims);
  }

  /** Signed correctly by a different issuer. */
  public static String wrongIssuer(UUID ducklingId) {
    return sign(
        claims(
            ducklingId.toString(),
            "https://evil.example/identity",
            List.of("duckling"),
            Duration.ofHours(1)));
  }

  /** Right claims, signed by a key that is not identity-service's. */
  public static String foreignKey(UUID ducklingId) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return TestJwts.sign(
          claims(ducklingId.toString(), ISSUER, List.of("duckling"), Duration.ofHours(1)),
          generator.generateKeyPair().getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed correctly, but without an {@code aud} claim. */
  public static String withoutAudience(UUID ducklingId) {
    JwtClaims claims =
        claims(ducklingId.toString(), ISSUER, List.of("duckling"), Duration.ofHours(1));
    claims.unsetClaim("aud");
    return sign(claims);
  }

  /** Signed correctly, for another audience. */
  public static String wrongAudience(UUID ducklingId) {
    JwtClaims claims =
        claims(ducklingId.toString(), ISSUER, List.of("duckling"), Duration.ofHours(1));
    claims.setAudience("https://spaceduck.example/other");
    return sign(claims);
  }

  /** Valid claims, signed, but whose subject is not a duckling id. */
  public static String subject(String subject) {
    return sign(claims(subject, ISSUER, List.of("duckling"), Duration.ofHours(1)));
  }

  /** {@code alg: none} with valid claims and no signature. */
  public static String unsigned(UUID ducklingId) {
    String header = TestJwts.base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload = TestJwts.base64Url(validClaimsJson(ducklingId));
    return header + "." + payload + ".";
  }

  /**
   * HS256 keyed with the verifier's public key (the PEM text): the classic algorithm-confusion
   * forgery, which a verifier that lets the token choose its algorithm would accept.
   */
  public static String hs256WithPublicKey(UUID ducklingId) {
    String header = TestJwts.base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String payload = TestJwts.base64Url(validClaimsJson(ducklingId));
    String signingInput = header + "." + payload;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(TestJwts.resource(PUBLIC_KEY), "HmacSHA256"));
      byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String validClaimsJson(UUID ducklingId) {
    return claims(ducklingId.toString(), ISSUER, List.of("duckling"), Duration.ofHours(1)).toJson();
  }

  private static JwtClaims claims(
      String subject, String issuer, List<String> groups, Duration validFor) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(AUDIENCE);
    claims.setSubject(subject);
    claims.setIssuedAtToNow();
    claims.setExpirationTime(
        NumericDate.fromSeconds(Instant.now().plus(validFor).getEpochSecond()));
    claims.setStringListClaim("groups", groups);
    claims.setClaim("tier", "T0");
    claims.setGeneratedJwtId();
    return claims;
  }

  private static String sign(JwtClaims claims) {
    return TestJwts.sign(claims, TestJwts.privateKey(PRIVATE_KEY));
  }
}
