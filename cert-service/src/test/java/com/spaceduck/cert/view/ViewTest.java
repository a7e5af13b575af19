package com.spaceduck.cert.view;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.StreamEvents;
import com.spaceduck.cert.support.Tokens;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class ViewTest {

  @Inject StreamEvents events;

  private static final String PATH = "/beak/cert/view";
  private static final Set<String> FIELDS =
      Set.of(
          "cert_id",
          "duckling_id",
          "display_name",
          "cert_status",
          "trust_tier",
          "issued_at",
          "country",
          "lambda_version",
          "expires_at",
          "credential");

  @Test
  void holderSeesTheirFullCertificateWithoutNamingIt() {
    UUID duckling = UUID.randomUUID();
    CertRows.Row row = CertRows.issued().owner(duckling).name("Jane Doe").tier("T1");
    UUID certId = row.insert();

    ValidatableResponse response =
        view(Tokens.duckling(duckling), null)
            .statusCode(200)
            .body("cert_id", equalTo(certId.toString()))
            .body("duckling_id", equalTo(duckling.toString()))
            .body("display_name", equalTo("Jane Doe"))
            .body("cert_status", equalTo("ISSUED"))
            .body("trust_tier", equalTo("T1"))
            .body("issued_at", equalTo(row.issuedAt.toString()))
            .body("country", equalTo("NZ"))
            .body("lambda_version", equalTo("test"))
            .body("expires_at", equalTo(row.expiresAt.toString()));
    assertEquals(FIELDS, fields(response));
  }

  @Test
  void holderSeesTheirCertificateByItsId() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();
    view(Tokens.duckling(duckling), certId.toString())
        .statusCode(200)
        .body("cert_id", equalTo(certId.toString()));
  }

  @Test
  void someoneElsesCertificateIs403AccessDenied() {
    UUID certId = CertRows.issued().insert();
    assertProblem(
        view(Tokens.duckling(UUID.randomUUID()), certId.toString()), 403, "access_denied");
  }

  @Test
  void operatorMaySeeAnyCertificate() {
    UUID certId = CertRows.issued().insert();
    view(Tokens.operator(events.operator()), certId.toString())
        .statusCode(200)
        .body("cert_id", equalTo(certId.toString()));
  }

  @Test
  void unknownOrMalformedIdIs404CertNotFound() {
    String token = Tokens.duckling(UUID.randomUUID());
    assertProblem(view(token, UUID.randomUUID().toString()), 404, "cert_not_found");
    assertProblem(view(token, "not-a-uuid"), 404, "cert_not_found");
    assertProblem(view(token, "x".repeat(2000)), 404, "cert_not_found");
  }

  @Test
  void ducklingWithoutACertificateIs404CertNotFound() {
    assertProblem(view(Tokens.duckling(UUID.randomUUID()), null), 404, "cert_not_found");
  }

  @Test
  void revokedCertificateShowsWhenItWasRevoked() {
    UUID duckling = UUID.randomUUID();
    Instant revokedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
    CertRows.issued().owner(duckling).revokedAt(revokedAt).insert();
    view(Tokens.duckling(duckling), null)
        .statusCode(200)
        .body("cert_status", equalTo("REVOKED"))
        .body("revoked_at", equalTo(revokedAt.toString()));
  }

  static ValidatableResponse view(String token, String certId) {
    var request = given().header("Authorization", "Bearer " + token);
    if (certId != null) {
      request.queryParam("cert_id", certId);
    }
    return request.get(PATH).then();
  }

  private static Set<String> fields(ValidatableResponse response) {
    Map<String, Object> json = response.extract().jsonPath().getMap("");
    return json.keySet();
  }
}
