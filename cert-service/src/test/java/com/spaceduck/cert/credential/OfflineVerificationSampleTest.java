package com.spaceduck.cert.credential;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.Revocations;
import com.spaceduck.cert.verifier.CredentialVerifier;
import com.spaceduck.cert.verifier.Verdict;
import com.spaceduck.cert.verifier.Verdict.Outcome;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's offline verification sample: a partner fetches three documents (the credential, the
 * JWKS, the status list), then decides with no further call to cert-service.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class OfflineVerificationSampleTest {

  @Test
  void partnerDecidesValidRevokedExpiredOrForgedOffline() {
    UUID holder = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(holder).insert();

    // 1. What the partner fetches (and may cache): the holder's credential, the keys, the list.
    String credential =
        given().get("/beak/cert/{id}/credential", certId).then().extract().path("credential");
    String jwks = given().get("/beak/cert/.well-known/jwks.json").then().extract().asString();
    CredentialVerifier verifier = CredentialVerifier.fromJwks(jwks);
    String listUrl = verifier.read(credential).statusListCredential();
    String statusList = fetch(listUrl);

    // 2. Offline from here on.
    Verdict verdict = verifier.verify(credential, statusList, Instant.now());
    assertEquals(Outcome.VALID, verdict.outcome());
    assertEquals(certId.toString(), verdict.credential().certId());
    assertEquals("J*** D**", verdict.credential().displayName());

    Instant afterExpiry = verdict.credential().expiresAt();
    assertEquals(Outcome.EXPIRED, verifier.verify(credential, statusList, afterExpiry).outcome());

    String[] parts = credential.split("\\.");
    String tampered =
        parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "x." + parts[2];
    assertEquals(Outcome.FORGED, verifier.verify(tampered, statusList, Instant.now()).outcome());

    // 3. The holder revokes; the next list fetched shows it.
    Revocations.revoke(holder, certId);
    String freshList = fetch(listUrl);
    assertEquals(Outcome.REVOKED, verifier.verify(credential, freshList, Instant.now()).outcome());
  }

  /** Fetches a status list by its URL (the test server stands in for the public host). */
  private static String fetch(String url) {
    return given().get(url.substring(url.indexOf("/beak/"))).then().extract().asString();
  }
}
