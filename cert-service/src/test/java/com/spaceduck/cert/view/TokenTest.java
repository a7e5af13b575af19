package com.spaceduck.cert.view;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.Tokens;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every way an sd_token can be wrong is a 401 {@code invalid_token} with a Bearer challenge. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class TokenTest {

  private static final String PATH = "/beak/cert/view";

  private final UUID duckling = UUID.randomUUID();

  @Test
  void validTokenIsAccepted() {
    CertRows.issued().owner(duckling).insert();
    ViewTest.view(Tokens.duckling(duckling), null).statusCode(200);
  }

  @Test
  void rejectsMissingToken() {
    assertInvalidToken(given().get(PATH).then());
  }

  @Test
  void rejectsMalformedToken() {
    assertInvalidToken(withHeader("Bearer not.a.jwt"));
    assertInvalidToken(withHeader("Bearer "));
    assertInvalidToken(withHeader("Bearer " + "a".repeat(4000)));
  }

  @Test
  void rejectsOtherSchemes() {
    assertInvalidToken(withHeader("Basic ZHVjazpkdWNr"));
  }

  @Test
  void rejectsExpiredToken() {
    assertInvalidToken(withToken(Tokens.expired(duckling)));
  }

  @Test
  void rejectsTokenSignedByAnotherKey() {
    assertInvalidToken(withToken(Tokens.foreignKey(duckling)));
  }

  @Test
  void rejectsTamperedToken() {
    String token = Tokens.duckling(duckling);
    String[] parts = token.split("\\.");
    String other = Tokens.duckling(UUID.randomUUID()).split("\\.")[1];
    assertInvalidToken(withToken(parts[0] + "." + other + "." + parts[2]));
  }

  @Test
  void rejectsWrongIssuer() {
    assertInvalidToken(withToken(Tokens.wrongIssuer(duckling)));
  }

  @Test
  void rejectsTokenWithoutAudience() {
    assertInvalidToken(withToken(Tokens.withoutAudience(duckling)));
  }

  @Test
  void rejectsTokenForAnotherAudience() {
    assertInvalidToken(withToken(Tokens.wrongAudience(duckling)));
  }

  @Test
  void rejectsAlgNone() {
    assertInvalidToken(withToken(Tokens.unsigned(duckling)));
  }

  @Test
  void rejectsHs256SignedWithThePublicKey() {
    assertInvalidToken(withToken(Tokens.hs256WithPublicKey(duckling)));
  }

  @Test
  void rejectsSubjectThatIsNotADucklingId() {
    assertInvalidToken(withToken(Tokens.subject("admin")));
  }

  @Test
  void revokeRejectsBadTokensToo() {
    UUID certId = CertRows.issued().owner(duckling).insert();
    assertInvalidToken(
        given()
            .header("Authorization", "Bearer " + Tokens.unsigned(duckling))
            .contentType("application/json")
            .body("{\"cert_id\":\"" + certId + "\",\"reason\":\"x\"}")
            .post("/beak/cert/revoke")
            .then());
    assertInvalidToken(
        given()
            .contentType("application/json")
            .body("{\"cert_id\":\"" + certId + "\",\"reason\":\"x\"}")
            .post("/beak/cert/revoke")
            .then());
  }

  private static ValidatableResponse withToken(String token) {
    return withHeader("Bearer " + token);
  }

  private static ValidatableResponse withHeader(String authorization) {
    return given().header("Authorization", authorization).get(PATH).then();
  }

  private static void assertInvalidToken(ValidatableResponse response) {
    assertProblem(response, 401, "invalid_token").header("WWW-Authenticate", "Bearer");
  }
}
