package com.spaceduck.cert.revoke;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.StreamEvents;
import com.spaceduck.cert.support.Tokens;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class RevokeTest {

  @Inject StreamEvents events;

  private static final String PATH = "/beak/cert/revoke";

  @Test
  void holderRevokesTheirCertificateAndVerifyThenAnswers410() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();

    String revokedAt =
        revoke(Tokens.duckling(duckling), certId.toString(), "lost my beak")
            .statusCode(200)
            .body("cert_id", equalTo(certId.toString()))
            .body("cert_status", equalTo("REVOKED"))
            .body("revoked_at", notNullValue())
            .body("reason", equalTo("lost my beak"))
            .extract()
            .path("revoked_at");

    assertEquals("REVOKED", CertRows.column(duckling, "cert_status"));
    assertEquals("lost my beak", CertRows.column(duckling, "revoked_reason"));
    assertEquals(duckling.toString(), CertRows.column(duckling, "revoked_by"));
    assertProblem(
            given()
                .contentType(ContentType.JSON)
                .body("{\"cert_id\":\"" + certId + "\"}")
                .post("/beak/cert/verify")
                .then(),
            410,
            "cert_revoked")
        .body("revoked_at", equalTo(revokedAt));
    given()
        .header("Authorization", "Bearer " + Tokens.duckling(duckling))
        .get("/beak/cert/view")
        .then()
        .statusCode(200)
        .body("cert_status", equalTo("REVOKED"))
        .body("revoked_at", equalTo(revokedAt));
  }

  @Test
  void operatorRevokesSomeoneElsesCertificate() {
    UUID duckling = UUID.randomUUID();
    UUID operator = events.operator();
    UUID certId = CertRows.issued().owner(duckling).insert();

    revoke(Tokens.operator(operator), certId.toString(), "fraud")
        .statusCode(200)
        .body("cert_status", equalTo("REVOKED"));
    assertEquals("REVOKED", CertRows.column(duckling, "cert_status"));
    assertEquals(operator.toString(), CertRows.column(duckling, "revoked_by"));
  }

  @Test
  void theTokensOperatorGroupAloneIsNotEnough() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();

    // identity-service never announced this duckling as an operator.
    assertProblem(
        revoke(Tokens.operator(UUID.randomUUID()), certId.toString(), "fraud"),
        403,
        "access_denied");
    assertEquals("ISSUED", CertRows.column(duckling, "cert_status"));
  }

  @Test
  void aRevokedOperatorsUnexpiredTokenNoLongerRevokes() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();
    Instant granted = Instant.now().minusSeconds(60);
    UUID operator = UUID.randomUUID();
    events.operatorChanged(operator, true, granted);
    String token = Tokens.operator(operator);
    events.operatorChanged(operator, false, granted.plusSeconds(30));
    // The grant delivered again, late: older than the revocation, so it changes nothing.
    events.operatorChanged(operator, true, granted);

    assertProblem(revoke(token, certId.toString(), "fraud"), 403, "access_denied");
    assertEquals("ISSUED", CertRows.column(duckling, "cert_status"));
  }

  @Test
  void strangerIs403AndTheCertificateStaysIssued() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();

    assertProblem(
        revoke(Tokens.duckling(UUID.randomUUID()), certId.toString(), "mischief"),
        403,
        "access_denied");
    assertEquals("ISSUED", CertRows.column(duckling, "cert_status"));
  }

  @Test
  void revokingTwiceAnswersTheFirstRevocation() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();
    String token = Tokens.duckling(duckling);

    String first =
        revoke(token, certId.toString(), "first").statusCode(200).extract().path("revoked_at");
    revoke(token, certId.toString(), "second")
        .statusCode(200)
        .body("cert_status", equalTo("REVOKED"))
        .body("revoked_at", equalTo(first))
        .body("reason", equalTo("first"));
    assertEquals("first", CertRows.column(duckling, "revoked_reason"));
  }

  @Test
  void missingCertIdIs400MissingCertId() {
    String token = Tokens.duckling(UUID.randomUUID());
    assertProblem(send(token, "{\"reason\":\"x\"}"), 400, "missing_cert_id");
    assertProblem(send(token, ""), 400, "missing_cert_id");
  }

  @Test
  void missingOrOverlongReasonIs400InvalidRequest() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();
    String token = Tokens.duckling(duckling);
    assertProblem(send(token, "{\"cert_id\":\"" + certId + "\"}"), 400, "invalid_request")
        .body("errors.field", contains("reason"));
    assertProblem(revoke(token, certId.toString(), "x".repeat(501)), 400, "invalid_request")
        .body("errors.field", contains("reason"));
    assertEquals("ISSUED", CertRows.column(duckling, "cert_status"));
  }

  @Test
  void unknownOrMalformedCertificateIs404() {
    String token = Tokens.operator(events.operator());
    assertProblem(revoke(token, UUID.randomUUID().toString(), "x"), 404, "cert_not_found");
    assertProblem(revoke(token, "nope", "x"), 404, "cert_not_found");
  }

  private static ValidatableResponse revoke(String token, String certId, String reason) {
    return send(token, "{\"cert_id\":\"" + certId + "\",\"reason\":\"" + reason + "\"}");
  }

  private static ValidatableResponse send(String token, String body) {
    return given()
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body(body)
        .post(PATH)
        .then();
  }
}
