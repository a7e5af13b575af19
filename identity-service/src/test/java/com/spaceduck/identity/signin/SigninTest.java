package com.spaceduck.identity.signin;

import static com.spaceduck.identity.TestDucklings.PASSWORD;
import static com.spaceduck.identity.TestDucklings.freshEmail;
import static com.spaceduck.identity.TestDucklings.signup;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class SigninTest {

  private static ValidatableResponse signin(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/beak/signin")
        .then();
  }

  @Test
  void correctPasswordGetsBearerToken() {
    String email = freshEmail();
    signup(email);
    signin(" " + email.toUpperCase(), PASSWORD)
        .statusCode(200)
        .body("sd_token", notNullValue())
        .body("token_type", equalTo("Bearer"))
        .body("expires_in", equalTo(3600));
  }

  @Test
  void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
    String email = freshEmail();
    signup(email);
    String wrong =
        assertProblem(signin(email, "Wrong-Password-123"), 401, "E4001")
            .header("WWW-Authenticate", "Bearer")
            .extract()
            .path("detail");
    String unknown =
        assertProblem(signin(freshEmail(), "Wrong-Password-123"), 401, "E4001")
            .header("WWW-Authenticate", "Bearer")
            .extract()
            .path("detail");
    assertEquals(wrong, unknown);
  }

  @Test
  void repeatedFailuresLockTheAccountWithRetryAfter() {
    String email = freshEmail();
    signup(email);
    for (int i = 0; i < 5; i++) {
      assertProblem(signin(email, "Wrong-Password-" + i), 401, "E4001");
    }
    // Locked now: even the right password is refused until the lock ends.
    int retryAfter =
        Integer.parseInt(
            assertProblem(signin(email, PASSWORD), 429, "E4004")
                .header("Retry-After", notNullValue())
                .extract()
                .header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
  }

  @Test
  void successResetsTheFailureCount() {
    String email = freshEmail();
    signup(email);
    for (int i = 0; i < 4; i++) {
      signin(email, "Wrong-Password-" + i).statusCode(401);
    }
    signin(email, PASSWORD).statusCode(200);
    for (int i = 0; i < 4; i++) {
      signin(email, "Wrong-Password-" + i).statusCode(401);
    }
    signin(email, PASSWORD).statusCode(200);
  }

  @Test
  void missingOrOversizedFieldsAreFieldErrors() {
    assertProblem(
            given().contentType(ContentType.JSON).body("{}").post("/beak/signin").then(),
            400,
            "E4000")
        .body("errors.size()", equalTo(2));
    assertProblem(signin(freshEmail(), "p".repeat(129)), 400, "E4000")
        .body("errors[0].field", equalTo("password"));
  }
}
