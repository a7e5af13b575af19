package com.spaceduck.cert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.MutableClock;
import com.spaceduck.cert.support.Tokens;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** EXPIRED is computed when a certificate is read, from expires_at and the injected clock. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class ExpiryTest {

  @Inject MutableClock clock;

  @AfterEach
  void realTimeAgain() {
    clock.reset();
  }

  @Test
  void certificateExpiresExactlyAtItsExpiryTime() {
    UUID duckling = UUID.randomUUID();
    Instant expiresAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);
    UUID certId = CertRows.issued().owner(duckling).expiresAt(expiresAt).insert();

    clock.pin(expiresAt.minusMillis(1));
    verify(certId)
        .statusCode(200)
        .body("cert_status", equalTo("ISSUED"))
        .body("verified", equalTo(true));
    view(duckling).statusCode(200).body("cert_status", equalTo("ISSUED"));

    clock.pin(expiresAt);
    verify(certId)
        .statusCode(200)
        .body("cert_status", equalTo("EXPIRED"))
        .body("verified", equalTo(false));
    view(duckling)
        .statusCode(200)
        .body("cert_status", equalTo("EXPIRED"))
        .body("expires_at", equalTo(expiresAt.toString()));
  }

  @Test
  void issuedCertificateExpiresAfterTheConfiguredLifetime() {
    UUID duckling = UUID.randomUUID();
    Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant expiresAt = issuedAt.plus(Duration.ofDays(365));
    UUID certId = CertRows.issued().owner(duckling).expiresAt(expiresAt).insert();

    clock.pin(issuedAt.plus(Duration.ofDays(364)));
    verify(certId).body("cert_status", equalTo("ISSUED"));
    clock.pin(issuedAt.plus(Duration.ofDays(366)));
    verify(certId).body("cert_status", equalTo("EXPIRED")).body("verified", equalTo(false));
  }

  @Test
  void revokedStaysRevokedAfterExpiry() {
    UUID duckling = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    CertRows.issued().owner(duckling).expiresAt(now.plusSeconds(60)).revokedAt(now).insert();

    clock.pin(now.plus(Duration.ofDays(2)));
    view(duckling).statusCode(200).body("cert_status", equalTo("REVOKED"));
  }

  @Test
  void expiredCertificateCanStillBeRevoked() {
    UUID duckling = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID certId = CertRows.issued().owner(duckling).expiresAt(now.plusSeconds(60)).insert();

    clock.pin(now.plus(Duration.ofDays(2)));
    given()
        .header("Authorization", "Bearer " + Tokens.duckling(duckling))
        .contentType(ContentType.JSON)
        .body("{\"cert_id\":\"" + certId + "\",\"reason\":\"expired anyway\"}")
        .post("/beak/cert/revoke")
        .then()
        .statusCode(200)
        .body("cert_status", equalTo("REVOKED"))
        .body("revoked_at", equalTo(now.plus(Duration.ofDays(2)).toString()));
  }

  private static ValidatableResponse verify(UUID certId) {
    return given().queryParam("cert_id", certId.toString()).get("/beak/cert/verify").then();
  }

  private static ValidatableResponse view(UUID duckling) {
    return given()
        .header("Authorization", "Bearer " + Tokens.duckling(duckling))
        .get("/beak/cert/view")
        .then();
  }
}
