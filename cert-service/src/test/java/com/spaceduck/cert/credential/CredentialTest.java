package com.spaceduck.cert.credential;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.Published;
import com.spaceduck.cert.support.StreamEvents;
import com.spaceduck.cert.support.Tokens;
import com.spaceduck.cert.verifier.Credential;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class CredentialTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Inject StreamEvents events;

  @Test
  void hatchedCertificateIsSignedAtIssuanceAndSaysWhatVerifySays() {
    UUID duckling = UUID.randomUUID();
    events.publish(events.hatched(duckling, "Jane Doe", "NZ"));
    await().atMost(PATIENCE).until(() -> CertRows.column(duckling, "credential") != null);
    UUID certId = UUID.fromString(CertRows.column(duckling, "cert_id"));
    String stored = CertRows.column(duckling, "credential");

    String credential = Published.credential(certId);
    assertEquals(stored, credential, "served as signed at issuance");
    Credential read = Published.verifier().read(credential);
    JsonPath verify =
        given().queryParam("cert_id", certId.toString()).get("/beak/cert/verify").jsonPath();
    assertEquals(verify.getString("cert_id"), read.certId());
    assertEquals("J*** D**", read.displayName());
    assertEquals(verify.getString("display_name"), read.displayName());
    assertEquals(verify.getString("trust_tier"), read.trustTier());
    assertEquals(verify.getString("issued_at"), read.issuedAt().toString());
    assertEquals(CertRows.instant(duckling, "expires_at"), read.expiresAt());
    assertEquals(
        "https://spaceduck.example/beak/cert/status/" + CertRows.column(duckling, "status_list"),
        read.statusListCredential());
    assertEquals(
        Integer.parseInt(CertRows.column(duckling, "status_index")), read.statusListIndex());

    given()
        .header("Authorization", "Bearer " + Tokens.duckling(duckling))
        .get("/beak/cert/view")
        .then()
        .statusCode(200)
        .body("credential", equalTo(credential));
  }

  @Test
  void credentialDisclosesNothingVerifyDoesNot() {
    UUID certId = CertRows.issued().name("Jane Doe").insert();
    String credential = Published.credential(certId);
    assertEquals(
        Set.of(
            "iss",
            "exp",
            "cert_id",
            "display_name",
            "trust_tier",
            "issued_at",
            "expires_at",
            "credential_status"),
        Published.claims(credential).keySet());
    Map<String, Object> header = Published.header(credential);
    assertEquals(Set.of("alg", "typ", "kid"), header.keySet());
    assertEquals("ES256", header.get("alg"));
    assertEquals("sdcert+jwt", header.get("typ"));
    assertFalse(credential.contains("Jane"), "the name is masked");
  }

  @Test
  void readsNeverSign() {
    UUID certId = CertRows.issued().insert();
    String first = Published.credential(certId);
    // ECDSA signatures are randomised: signing again would give another text.
    assertEquals(first, Published.credential(certId));
    assertEquals(first, Published.credential(certId));
  }

  @Test
  void firstDemandStoresTheCredentialWithItsKeyAndStatusEntry() {
    UUID duckling = UUID.randomUUID();
    CertRows.issued().owner(duckling).insert();
    UUID certId = UUID.fromString(CertRows.column(duckling, "cert_id"));
    assertEquals(null, CertRows.column(duckling, "credential"), "issued before credentials");

    String credential = Published.credential(certId);

    assertEquals(credential, CertRows.column(duckling, "credential"));
    assertEquals(
        Published.header(credential).get("kid"), CertRows.column(duckling, "credential_kid"));
    Credential read = Published.verifier().read(credential);
    assertEquals(
        "https://spaceduck.example/beak/cert/status/" + CertRows.column(duckling, "status_list"),
        read.statusListCredential());
    assertEquals(
        Integer.parseInt(CertRows.column(duckling, "status_index")), read.statusListIndex());
  }

  @Test
  void reTieringReissuesTheCredentialWithTheSameStatusEntry() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();
    Credential before = Published.verifier().read(Published.credential(certId));
    assertEquals("T0", before.trustTier());

    events.publish(events.elevated(duckling, "T0", "T2"));
    await().atMost(PATIENCE).until(() -> "T2".equals(CertRows.column(duckling, "trust_tier")));

    Credential after = Published.verifier().read(Published.credential(certId));
    assertEquals("T2", after.trustTier());
    assertEquals(before.statusListCredential(), after.statusListCredential());
    assertEquals(before.statusListIndex(), after.statusListIndex());
    assertEquals(before.expiresAt(), after.expiresAt());
  }

  @Test
  void unknownMalformedAndDraftIdsAre404LikeVerify() {
    for (String id :
        List.of(
            UUID.randomUUID().toString(),
            "nope",
            "' or 1=1 --",
            CertRows.issued().draft().insert().toString())) {
      assertProblem(given().get("/beak/cert/" + id + "/credential").then(), 404, "cert_not_found")
          .body("cert_id", nullValue());
    }
  }

  @Test
  void revokedCertificateIs410LikeVerifyWithoutHolderOrTier() {
    Instant revokedAt = Instant.parse("2026-01-02T03:04:05.678Z");
    UUID certId = CertRows.issued().revokedAt(revokedAt).insert();
    assertProblem(given().get("/beak/cert/" + certId + "/credential").then(), 410, "cert_revoked")
        .body("cert_id", equalTo(certId.toString()))
        .body("revoked_at", equalTo(revokedAt.toString()))
        .body("display_name", nullValue())
        .body("trust_tier", nullValue())
        .body("credential", nullValue());
  }

  @Test
  void jwksPublishesThePublicSigningKeyWithItsKid() {
    String kid =
        (String) Published.header(Published.credential(CertRows.issued().insert())).get("kid");
    given()
        .get("/beak/cert/.well-known/jwks.json")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .header("Cache-Control", "max-age=300")
        .body("keys", hasSize(1))
        .body("keys[0].kid", equalTo(kid))
        .body("keys[0].kty", equalTo("EC"))
        .body("keys[0].crv", equalTo("P-256"))
        .body("keys[0].alg", equalTo("ES256"))
        .body("keys[0].use", equalTo("sig"))
        .body("keys[0].d", nullValue());
  }
}
