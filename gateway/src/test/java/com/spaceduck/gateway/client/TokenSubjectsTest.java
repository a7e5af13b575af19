package com.spaceduck.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.gateway.support.TestClock;
import com.spaceduck.gateway.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which bearer tokens name a user: only identity-service's valid {@code sd_token}s. */
class TokenSubjectsTest {

  private final TestClock clock = new TestClock();
  private TokenSubjects subjects;
  private String subject;

  @BeforeEach
  void setUp() {
    subjects = new TokenSubjects(Tokens.publicKey(), Tokens.ISSUER, Tokens.AUDIENCE, clock);
    subject = UUID.randomUUID().toString();
  }

  @Test
  void namesTheSubjectOfAValidToken() {
    assertEquals(Optional.of(subject), subjects.subject(Tokens.sdToken(subject)));
  }

  @Test
  void rejectsExpiredToken() {
    JwtClaims claims = Tokens.claims(subject, Tokens.ISSUER, Tokens.AUDIENCE);
    claims.setIssuedAt(NumericDate.fromSeconds(now() - 7200));
    claims.setExpirationTime(NumericDate.fromSeconds(now() - 120));

    assertEquals(Optional.empty(), subjects.subject(rs256(claims)));
  }

  @Test
  void rejectsTokenExpiredWithinTheClockSkew() {
    JwtClaims claims = Tokens.claims(subject, Tokens.ISSUER, Tokens.AUDIENCE);
    claims.setExpirationTime(NumericDate.fromSeconds(now() - 5));

    assertEquals(Optional.empty(), subjects.subject(rs256(claims)));
  }

  @Test
  void rejectsWrongIssuer() {
    assertEquals(
        Optional.empty(), subjects.subject(Tokens.sdToken(subject, "https://evil.example")));
  }

  @Test
  void rejectsTokenWithoutOrForAnotherAudience() {
    assertEquals(Optional.empty(), subjects.subject(Tokens.sdToken(subject, Tokens.ISSUER, null)));
    assertEquals(
        Optional.empty(),
        subjects.subject(Tokens.sdToken(subject, Tokens.ISSUER, "https://other.example")));
  }

  @Test
  void rejectsTokenWithoutSubject() {
    assertEquals(
        Optional.empty(),
        subjects.subject(rs256(Tokens.claims(null, Tokens.ISSUER, Tokens.AUDIENCE))));
  }

  @Test
  void rejectsTokenSignedWithAnotherKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey other = generator.generateKeyPair().getPrivate();

    assertEquals(
        Optional.empty(),
        subjects.subject(
            Tokens.sign(
                Tokens.claims(subject, Tokens.ISSUER, Tokens.AUDIENCE),
                other,
                AlgorithmIdentifiers.RSA_USING_SHA256)));
  }

  @Test
  void rejectsAlgNone() {
    assertEquals(
        Optional.empty(),
        subjects.subject(
            Tokens.sign(
                Tokens.claims(subject, Tokens.ISSUER, Tokens.AUDIENCE),
                null,
                AlgorithmIdentifiers.NONE)));
  }

  @Test
  void rejectsHmacKeyedWithThePublicKey() {
    // The classic confusion: HS256 with the (public) RSA key's bytes as the shared secret.
    SecretKeySpec publicKeyAsSecret =
        new SecretKeySpec(Tokens.publicKey().getEncoded(), "HmacSHA256");

    assertEquals(
        Optional.empty(),
        subjects.subject(
            Tokens.sign(
                Tokens.claims(subject, Tokens.ISSUER, Tokens.AUDIENCE),
                publicKeyAsSecret,
                AlgorithmIdentifiers.HMAC_SHA256)));
  }

  @Test
  void rejectsOtherRsaAlgorithms() {
    assertEquals(
        Optional.empty(),
        subjects.subject(
            Tokens.sign(
                Tokens.claims(subject, Tokens.ISSUER, Tokens.AUDIENCE),
                Tokens.privateKey(),
                AlgorithmIdentifiers.RSA_USING_SHA512)));
  }

  @Test
  void rejectsGarbage() {
    String valid = Tokens.sdToken(subject);
    assertEquals(Optional.empty(), subjects.subject("garbage"));
    assertEquals(Optional.empty(), subjects.subject("a.b.c"));
    assertEquals(Optional.empty(), subjects.subject(""));
    assertEquals(Optional.empty(), subjects.subject(null));
    assertEquals(Optional.empty(), subjects.subject(valid + "x"));
    assertEquals(Optional.empty(), subjects.subject(valid.substring(0, valid.lastIndexOf('.'))));
    assertEquals(Optional.empty(), subjects.subject("a".repeat(9000)));
    assertEquals(
        Optional.empty(),
        subjects.subject(new String(new byte[] {'.', '.', 0}, StandardCharsets.UTF_8)));
  }

  @Test
  void forgetsARememberedTokenOnceItExpires() {
    JwtClaims claims = Tokens.claims(subject, Tokens.ISSUER, Tokens.AUDIENCE);
    claims.setExpirationTime(NumericDate.fromSeconds(now() + 60));
    String token = rs256(claims);
    clock.freeze();

    assertEquals(Optional.of(subject), subjects.subject(token));
    clock.advance(Duration.ofSeconds(30));
    assertEquals(Optional.of(subject), subjects.subject(token));
    clock.advance(Duration.ofSeconds(31));
    assertEquals(Optional.empty(), subjects.subject(token));
  }

  @Test
  void withoutAKeyNoTokenNamesAUser() {
    TokenSubjects keyless = new TokenSubjects(null, Tokens.ISSUER, Tokens.AUDIENCE, clock);

    assertEquals(Optional.empty(), keyless.subject(Tokens.sdToken(subject)));
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static String rs256(JwtClaims claims) {
    return Tokens.sign(claims, Tokens.privateKey(), AlgorithmIdentifiers.RSA_USING_SHA256);
  }
}
