package com.spaceduck.gateway.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** {@code sd_token}s signed with the test-only key, as identity-service would issue them. */
public final class Tokens {

  private Tokens() {}

  public static final String ISSUER = "https://spaceduck.example/identity";
  public static final String AUDIENCE = "https://spaceduck.example/api";

  public static String sdToken(String subject) {
    return sdToken(subject, ISSUER);
  }

  public static String sdToken(String subject, String issuer) {
    return sdToken(subject, issuer, AUDIENCE);
  }

  /** A token for {@code audience}; none when it is {@code null}. */
  public static String sdToken(String subject, String issuer, String audience) {
    try {
      JwtClaims claims = new JwtClaims();
      claims.setIssuer(issuer);
      claims.setSubject(subject);
      if (audience != null) {
        claims.setAudience(audience);
      }
      claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 3600));
      claims.setIssuedAtToNow();
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setKey(privateKey());
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey privateKey() throws Exception {
    String pem = Files.readString(Path.of("src/test/resources/test-keys/test-only-private.pem"));
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
