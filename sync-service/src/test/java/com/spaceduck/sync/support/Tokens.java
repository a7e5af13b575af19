package com.spaceduck.sync.support;

import com.spaceduck.platform.testing.TestJwts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Mints sd_tokens the way identity-service does (RS256, its issuer and audience, {@code sub} =
 * duckling id), signed with the test-only key, plus the kinds sync-service must refuse.
 */
public final class Tokens {

  public static final String ISSUER = "https://spaceduck.example/identity";
  public static final String AUDIENCE = "https://spaceduck.example/api";
  private static final String PRIVATE_KEY = "test-keys/test-only-private.pem";

  private Tokens() {}

  /** A valid token for a new duckling. */
  public static String owner() {
    return owner(UUID.randomUUID());
  }

  public static String owner(UUID ducklingId) {
    return sign(claims(ducklingId.toString(), ISSUER, AUDIENCE, Duration.ofHours(1)));
  }

  public static String expired(UUID ducklingId) {
    JwtClaims claims = claims(ducklingId.toString(), ISSUER, AUDIENCE, Duration.ofMinutes(-10));
    claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(4200).getEpochSecond()));
    return sign(claims);
  }

  public static String wrongIssuer(UUID ducklingId) {
    return sign(
        claims(
            ducklingId.toString(), "https://evil.example/identity", AUDIENCE, Duration.ofHours(1)));
  }

  /** Signed by identity for another audience (or none): not meant for this API. */
  public static String audience(UUID ducklingId, String audience) {
    return sign(claims(ducklingId.toString(), ISSUER, audience, Duration.ofHours(1)));
  }

  public static String subject(String subject) {
    return sign(claims(subject, ISSUER, AUDIENCE, Duration.ofHours(1)));
  }

  /** {@code alg: none} with valid claims and no signature. */
  public static String unsigned(UUID ducklingId) {
    String header = TestJwts.base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload =
        TestJwts.base64Url(
            claims(ducklingId.toString(), ISSUER, AUDIENCE, Duration.ofHours(1)).toJson());
    return header + "." + payload + ".";
  }

  private static JwtClaims claims(
      String subject, String issuer, String audience, Duration validFor) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    if (audience != null) {
      claims.setAudience(audience);
    }
    claims.setSubject(subject);
    claims.setIssuedAtToNow();
    claims.setExpirationTime(
        NumericDate.fromSeconds(Instant.now().plus(validFor).getEpochSecond()));
    claims.setStringListClaim("groups", List.of("duckling"));
    claims.setClaim("tier", "T0");
    claims.setGeneratedJwtId();
    return claims;
  }

  private static String sign(JwtClaims claims) {
    return TestJwts.sign(claims, TestJwts.privateKey(PRIVATE_KEY));
  }
}
