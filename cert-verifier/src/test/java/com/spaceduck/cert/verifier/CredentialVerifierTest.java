package com.spaceduck.cert.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.spaceduck.cert.verifier.Verdict.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

class CredentialVerifierTest {

  private static final String LIST = "https://spaceduck.example/beak/cert/status/1";
  private static final String CERT_ID = "0b7c5e4e-3c1d-4a55-9f4e-2b1d5c6a7e8f";
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Instant EXPIRES = Instant.parse("2027-11-24T01:02:03.456Z");

  private final KeyPair key = ec();
  private final String kid = CredentialSigning.keyId(key.getPublic());
  private final CredentialVerifier verifier =
      CredentialVerifier.fromJwks(CredentialSigning.jwks(Map.of(kid, key.getPublic())));

  @Test
  void genuineCredentialIsValidAndSaysWhatVerifySays() {
    Verdict verdict = verifier.verify(credential(EXPIRES, 94_567), list(), NOW);
    assertEquals(Outcome.VALID, verdict.outcome());
    assertNull(verdict.reason());
    Credential read = verdict.credential();
    assertEquals(CERT_ID, read.certId());
    assertEquals("J*** D**", read.displayName());
    assertEquals("T2", read.trustTier());
    assertEquals(Instant.parse("2026-11-24T01:02:03.456Z"), read.issuedAt());
    assertEquals(EXPIRES, read.expiresAt());
    assertEquals(LIST, read.statusListCredential());
    assertEquals(94_567, read.statusListIndex());
    assertEquals(kid, read.keyId());
  }

  @Test
  void setBitIsRevoked() {
    Verdict verdict = verifier.verify(credential(EXPIRES, 7), list(3, 7), NOW);
    assertEquals(Outcome.REVOKED, verdict.outcome());
    assertEquals(CERT_ID, verdict.credential().certId());
  }

  @Test
  void expiresExactlyAtExpiresAt() {
    assertEquals(
        Outcome.VALID, verifier.verify(credential(NOW.plusMillis(1), 7), list(), NOW).outcome());
    assertEquals(Outcome.EXPIRED, verifier.verify(credential(NOW, 7), list(), NOW).outcome());
  }

  @Test
  void revocationWinsOverExpiry() {
    assertEquals(
        Outcome.REVOKED,
        verifier.verify(credential(NOW.minusSeconds(1), 7), list(7), NOW).outcome());
  }

  @Test
  void unknownKeyIsForged() {
    KeyPair other = ec();
    String credential =
        CredentialSigning.sign(
            payload(EXPIRES, 1),
            CredentialFormat.CREDENTIAL_TYPE,
            other.getPrivate(),
            CredentialSigning.keyId(other.getPublic()));
    assertForged(credential, "signed by an unknown key");
  }

  @Test
  void anotherKeyUsingAPublishedKidIsForged() {
    String credential =
        CredentialSigning.sign(
            payload(EXPIRES, 1), CredentialFormat.CREDENTIAL_TYPE, ec().getPrivate(), kid);
    assertForged(credential, "the signature does not verify");
  }

  @Test
  void algNoneIsForged() {
    String header = base64Url("{\"alg\":\"none\",\"typ\":\"sdcert+jwt\",\"kid\":\"" + kid + "\"}");
    assertForged(header + "." + base64Url(payload(EXPIRES, 1)) + ".", "alg is not ES256");
  }

  @Test
  void rsaSignedTokenIsForged() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(payload(EXPIRES, 1));
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", CredentialFormat.CREDENTIAL_TYPE);
    jws.setKeyIdHeaderValue(kid);
    jws.setKey(rsa.generateKeyPair().getPrivate());
    assertForged(jws.getCompactSerialization(), "alg is not ES256");
  }

  @Test
  void hmacKeyedWithThePublicKeyIsForged() throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(payload(EXPIRES, 1));
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setHeader("typ", CredentialFormat.CREDENTIAL_TYPE);
    jws.setKeyIdHeaderValue(kid);
    jws.setKey(new HmacKey(key.getPublic().getEncoded()));
    jws.setDoKeyValidation(false);
    assertForged(jws.getCompactSerialization(), "alg is not ES256");
  }

  @Test
  void tamperedPayloadIsForged() {
    String[] parts = credential(EXPIRES, 1).split("\\.");
    String raised = base64Url(payload(EXPIRES, 1).replace("\"T2\"", "\"T3\""));
    assertForged(parts[0] + "." + raised + "." + parts[2], "the signature does not verify");
  }

  @Test
  void statusListIsNotACredential() {
    assertForged(list(), "typ is not sdcert+jwt");
  }

  @Test
  void garbageIsForged() {
    for (String text : new String[] {"", "a", "a.b", "a.b.c", "...", "x".repeat(10_000)}) {
      assertEquals(Outcome.FORGED, verifier.verify(text, list(), NOW).outcome(), text);
    }
    assertEquals(Outcome.FORGED, verifier.verify(null, list(), NOW).outcome());
  }

  @Test
  void signedCredentialWithMissingClaimsIsForged() {
    String noTier =
        CredentialSigning.sign(
            payload(EXPIRES, 1).replace("\"trust_tier\":\"T2\",", ""),
            CredentialFormat.CREDENTIAL_TYPE,
            key.getPrivate(),
            kid);
    assertForged(noTier, "trust_tier is missing");
  }

  @Test
  void forgedStatusListIsForged() {
    KeyPair other = ec();
    String list =
        CredentialSigning.sign(
            listPayload(BitstringStatusList.of(BitstringStatusList.MIN_SIZE)),
            CredentialFormat.STATUS_LIST_TYPE,
            other.getPrivate(),
            kid);
    Verdict verdict = verifier.verify(credential(EXPIRES, 1), list, NOW);
    assertEquals(Outcome.FORGED, verdict.outcome());
    assertEquals("status list: the signature does not verify", verdict.reason());
  }

  @Test
  void anotherGenuineListIsTheCallersMistake() {
    String other =
        CredentialSigning.sign(
            listPayload(BitstringStatusList.of(BitstringStatusList.MIN_SIZE))
                .replace(LIST, LIST.replace("/1", "/2")),
            CredentialFormat.STATUS_LIST_TYPE,
            key.getPrivate(),
            kid);
    assertThrows(
        IllegalArgumentException.class, () -> verifier.verify(credential(EXPIRES, 1), other, NOW));
  }

  @Test
  void jwksKeysOfOtherTypesAreNotTrusted() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String jwks =
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"c2VjcmV0\"},"
            + CredentialSigning.jwks(Map.of(kid, key.getPublic())).substring(9);
    assertEquals(java.util.Set.of(kid), CredentialVerifier.fromJwks(jwks).keyIds());
    assertThrows(IllegalArgumentException.class, () -> CredentialVerifier.fromJwks("nope"));
  }

  private void assertForged(String credential, String reason) {
    Verdict verdict = verifier.verify(credential, list(), NOW);
    assertEquals(Outcome.FORGED, verdict.outcome());
    assertEquals(reason, verdict.reason());
    assertNull(verdict.credential());
  }

  private String credential(Instant expiresAt, int index) {
    return CredentialSigning.sign(
        payload(expiresAt, index), CredentialFormat.CREDENTIAL_TYPE, key.getPrivate(), kid);
  }

  private String list(int... revoked) {
    return CredentialSigning.sign(
        listPayload(BitstringStatusList.of(BitstringStatusList.MIN_SIZE, revoked)),
        CredentialFormat.STATUS_LIST_TYPE,
        key.getPrivate(),
        kid);
  }

  /** A credential's claims as cert-service writes them. */
  static String payload(Instant expiresAt, int index) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", LIST + "#" + index);
    status.put("type", "BitstringStatusListEntry");
    status.put("statusPurpose", "revocation");
    status.put("statusListIndex", Integer.toString(index));
    status.put("statusListCredential", LIST);
    JwtClaims claims = new JwtClaims();
    claims.setClaim("cert_id", CERT_ID);
    claims.setClaim("display_name", "J*** D**");
    claims.setClaim("trust_tier", "T2");
    claims.setClaim("issued_at", "2026-11-24T01:02:03.456Z");
    claims.setClaim("expires_at", expiresAt.toString());
    claims.setClaim("credential_status", status);
    return claims.toJson();
  }

  private static String listPayload(BitstringStatusList bits) {
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("id", LIST + "#list");
    subject.put("type", "BitstringStatusList");
    subject.put("statusPurpose", "revocation");
    subject.put("encodedList", bits.encode());
    JwtClaims claims = new JwtClaims();
    claims.setClaim("id", LIST);
    claims.setClaim("credentialSubject", subject);
    return claims.toJson();
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
