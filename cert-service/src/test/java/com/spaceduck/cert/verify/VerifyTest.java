package com.spaceduck.cert.verify;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class VerifyTest {

  private static final String PATH = "/beak/cert/verify";
  private static final Set<String> FIELDS =
      Set.of("cert_id", "cert_status", "trust_tier", "display_name", "issued_at", "verified");

  @Test
  void issuedCertificateIsVerifiedWithTheNameMasked() {
    CertRows.Row row = CertRows.issued().name("Jane Doe").tier("T2");
    UUID certId = row.insert();

    ValidatableResponse response =
        post("{\"cert_id\":\"" + certId + "\",\"action\":\"verify\"}")
            .statusCode(200)
            .contentType(ContentType.JSON)
            .body("cert_id", equalTo(certId.toString()))
            .body("cert_status", equalTo("ISSUED"))
            .body("trust_tier", equalTo("T2"))
            .body("display_name", equalTo("J*** D**"))
            .body("issued_at", equalTo(row.issuedAt.toString()))
            .body("verified", equalTo(true));
    assertEquals(FIELDS, fields(response));
  }

  @Test
  void actionDefaultsToVerify() {
    UUID certId = CertRows.issued().insert();
    post("{\"cert_id\":\"" + certId + "\"}").statusCode(200).body("verified", equalTo(true));
  }

  @Test
  void getWithQueryParameterGivesTheSameAnswer() {
    CertRows.Row row = CertRows.issued().name("Åsa Öberg");
    UUID certId = row.insert();

    ValidatableResponse response =
        given()
            .queryParam("cert_id", certId.toString())
            .get(PATH)
            .then()
            .statusCode(200)
            .body("cert_id", equalTo(certId.toString()))
            .body("display_name", equalTo("Å** Ö****"))
            .body("verified", equalTo(true));
    assertEquals(FIELDS, fields(response));
  }

  @Test
  void upperCaseIdIsTheSameCertificate() {
    UUID certId = CertRows.issued().insert();
    post("{\"cert_id\":\"" + certId.toString().toUpperCase() + "\"}")
        .statusCode(200)
        .body("cert_id", equalTo(certId.toString()));
  }

  @Test
  void missingCertIdIs400MissingCertId() {
    for (String body : new String[] {"{}", "{\"cert_id\":null}", "{\"cert_id\":\"  \"}", ""}) {
      assertProblem(post(body), 400, "missing_cert_id")
          .body("errors", hasSize(1))
          .body("errors[0].field", equalTo("cert_id"));
    }
    assertProblem(given().get(PATH).then(), 400, "missing_cert_id");
    assertProblem(given().queryParam("cert_id", "").get(PATH).then(), 400, "missing_cert_id");
  }

  @Test
  void unknownCertificateIs404() {
    assertProblem(post("{\"cert_id\":\"" + UUID.randomUUID() + "\"}"), 404, "cert_not_found");
    assertProblem(
        given().queryParam("cert_id", UUID.randomUUID().toString()).get(PATH).then(),
        404,
        "cert_not_found");
  }

  @Test
  void malformedIdIsNotFoundLikeAnUnknownOne() {
    for (String id :
        new String[] {
          "nope",
          "1-1-1-1-1",
          "' or 1=1 --",
          "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
          "x".repeat(100_000)
        }) {
      assertProblem(post("{\"cert_id\":\"" + id + "\"}"), 404, "cert_not_found")
          .body("cert_id", nullValue());
    }
    assertProblem(given().queryParam("cert_id", "12345").get(PATH).then(), 404, "cert_not_found");
  }

  @Test
  void hugeQueryStringIsRefusedWithoutAServerError() {
    int status =
        given().queryParam("cert_id", "x".repeat(100_000)).get(PATH).then().extract().statusCode();
    org.junit.jupiter.api.Assertions.assertTrue(
        status >= 400 && status < 500, "a client error, not " + status);
  }

  @Test
  void numericCertIdIsNotFound() {
    assertProblem(post("{\"cert_id\":12345}"), 404, "cert_not_found");
  }

  @Test
  void wrongJsonShapeIs400InvalidRequest() {
    assertProblem(post("{\"cert_id\":{\"a\":1}}"), 400, "invalid_request")
        .body("errors[0].field", equalTo("cert_id"));
    assertProblem(post("[1,2]"), 400, "invalid_request");
    assertProblem(post("{\"cert_id\":"), 400, "invalid_request");
  }

  @Test
  void otherActionIs400WithAFieldError() {
    UUID certId = CertRows.issued().insert();
    assertProblem(
            post("{\"cert_id\":\"" + certId + "\",\"action\":\"revoke\"}"), 400, "invalid_request")
        .body("errors.field", contains("action"));
    assertProblem(
        given()
            .queryParam("cert_id", certId.toString())
            .queryParam("action", "delete")
            .get(PATH)
            .then(),
        400,
        "invalid_request");
  }

  @Test
  void revokedCertificateIs410WithItsIdStatusAndRevocationTime() {
    Instant revokedAt = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    UUID certId = CertRows.issued().revokedAt(revokedAt).insert();

    for (ValidatableResponse response :
        new ValidatableResponse[] {
          post("{\"cert_id\":\"" + certId + "\"}"),
          given().queryParam("cert_id", certId.toString()).get(PATH).then()
        }) {
      assertProblem(response, 410, "cert_revoked")
          .body("cert_id", equalTo(certId.toString()))
          .body("cert_status", equalTo("REVOKED"))
          .body("revoked_at", equalTo(revokedAt.toString()));
    }
  }

  @Test
  void expiredCertificateIsReportedButNotVerified() {
    UUID certId =
        CertRows.issued()
            .expiresAt(Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS))
            .insert();
    post("{\"cert_id\":\"" + certId + "\"}")
        .statusCode(200)
        .body("cert_status", equalTo("EXPIRED"))
        .body("verified", equalTo(false));
  }

  @Test
  void draftCertificateIsNotVerified() {
    UUID certId = CertRows.issued().draft().insert();
    post("{\"cert_id\":\"" + certId + "\"}")
        .statusCode(200)
        .body("cert_status", equalTo("DRAFT"))
        .body("issued_at", nullValue())
        .body("verified", equalTo(false));
  }

  @Test
  void credentialsAreNeitherNeededNorChecked() {
    UUID certId = CertRows.issued().insert();
    given()
        .header("Authorization", "Bearer not-a-token")
        .contentType(ContentType.JSON)
        .body("{\"cert_id\":\"" + certId + "\"}")
        .post(PATH)
        .then()
        .statusCode(200)
        .body("verified", equalTo(true));
  }

  @Test
  void otherMethodsAre405WithAllow() {
    assertProblem(
            given().contentType(ContentType.JSON).body("{}").put(PATH).then(),
            405,
            "method_not_allowed")
        .header("Allow", "GET, HEAD, POST");
    assertProblem(given().delete(PATH).then(), 405, "method_not_allowed");
  }

  @Test
  void bodyThatIsNotJsonIs415() {
    UUID certId = CertRows.issued().insert();
    assertProblem(
        given()
            .contentType(ContentType.TEXT)
            .body("{\"cert_id\":\"" + certId + "\"}")
            .post(PATH)
            .then(),
        415,
        "unsupported_media_type");
    assertProblem(
        given()
            .contentType(ContentType.URLENC)
            .formParam("cert_id", certId.toString())
            .post(PATH)
            .then(),
        415,
        "unsupported_media_type");
  }

  @Test
  void jsonContentTypeWithParametersIsJson() {
    UUID certId = CertRows.issued().insert();
    given()
        .contentType("application/json; charset=UTF-8")
        .body("{\"cert_id\":\"" + certId + "\",\"unknown\":[1,{\"x\":2}]}")
        .post(PATH)
        .then()
        .statusCode(200)
        .body("verified", equalTo(true));
  }

  private static ValidatableResponse post(String body) {
    return given().contentType(ContentType.JSON).body(body).post(PATH).then();
  }

  private static Set<String> fields(ValidatableResponse response) {
    Map<String, Object> json = response.extract().jsonPath().getMap("");
    return json.keySet();
  }
}
