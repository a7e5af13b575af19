package com.spaceduck.sync.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

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
    String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload =
        base64Url(claims(ducklingId.toString(), ISSUER, AUDIENCE, Duration.ofHours(1)).toJson());
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
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(privateKey());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey privateKey() {
    String pem = new String(resource(PRIVATE_KEY), StandardCharsets.US_ASCII);
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
