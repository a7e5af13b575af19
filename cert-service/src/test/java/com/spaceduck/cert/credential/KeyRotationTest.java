package com.spaceduck.cert.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.EcKeys;
import com.spaceduck.cert.support.Published;
import com.spaceduck.cert.verifier.CredentialFormat;
import com.spaceduck.cert.verifier.CredentialSigning;
import com.spaceduck.cert.verifier.CredentialVerifier;
import com.spaceduck.cert.verifier.Verdict.Outcome;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After a rotation (README, "Rotating the signing key"): the next key signs, the retired one stays
 * published, and what it signed stays valid, online and offline.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotated.class)
@WithTestResource(PostgresTestDatabase.class)
class KeyRotationTest {

  static final String OLD = "test-keys/credential-signing-test-only";
  static final String NEXT = "test-keys/credential-signing-next-test-only";

  /** The next key signs; the one every other test signs with is retired. */
  public static class Rotated implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "spaceduck.cert.credentials.signing-key-location", NEXT + ".pem",
          "spaceduck.cert.credentials.public-key-location", NEXT + ".pub.pem",
          "spaceduck.cert.credentials.retired-key-locations", OLD + ".pub.pem");
    }
  }

  @Test
  void nextKeySignsAndBothArePublishedNextFirst() {
    String oldKid = kid(OLD);
    String nextKid = kid(NEXT);
    given()
        .get("/beak/cert/.well-known/jwks.json")
        .then()
        .statusCode(200)
        .body("keys.kid", equalTo(List.of(nextKid, oldKid)));
    String credential = Published.credential(CertRows.issued().insert());
    assertEquals(nextKid, Published.header(credential).get("kid"));
  }

  @Test
  void credentialsSignedByTheRetiredKeyStayValid() {
    UUID certId = CertRows.issued().insert();
    String current = Published.credential(certId);
    // The same credential as the retired key signed it before the rotation.
    String signedBefore =
        CredentialSigning.sign(
            Published.payload(current),
            CredentialFormat.CREDENTIAL_TYPE,
            EcKeys.privateKey(OLD + ".pem"),
            kid(OLD));

    given()
        .contentType(ContentType.JSON)
        .body("{\"credential\":\"" + signedBefore + "\"}")
        .post("/beak/cert/verify")
        .then()
        .statusCode(200)
        .body("verified", equalTo(true));

    CredentialVerifier offline = Published.verifier();
    String list = Published.statusList(offline.read(current).statusListCredential());
    assertEquals(Outcome.VALID, offline.verify(signedBefore, list, Instant.now()).outcome());
    assertEquals(Outcome.VALID, offline.verify(current, list, Instant.now()).outcome());
  }

  private static String kid(String pair) {
    return CredentialSigning.keyId(EcKeys.publicKey(pair + ".pub.pem"));
  }
}
