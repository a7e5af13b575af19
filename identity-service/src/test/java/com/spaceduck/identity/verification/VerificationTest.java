package com.spaceduck.identity.verification;

import static com.spaceduck.identity.TestDucklings.execute;
import static com.spaceduck.identity.TestDucklings.freshPhone;
import static com.spaceduck.identity.TestDucklings.latestCode;
import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.identity.TestDucklings.queryString;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.identity.support.MutableClock;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class VerificationTest {

  @Inject MutableClock clock;

  private static ValidatableResponse confirm(TestDuckling duckling, String channel, String code) {
    return duckling
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("code", code))
        .post("/beak/verify/" + channel + "/confirm")
        .then();
  }

  private static String wrong(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  @Test
  void emailCodeVerifiesTheEmail() {
    TestDuckling duckling = TestDucklings.create();
    duckling
        .as()
        .post("/beak/verify/email")
        .then()
        .statusCode(202)
        .body("channel", equalTo("email"))
        .body("destination", equalTo(duckling.email()));
    confirm(duckling, "email", latestCode(duckling.email()))
        .statusCode(200)
        .body("email_verified", equalTo(true))
        .body("phone_verified", equalTo(false));
    duckling.as().get("/beak/me").then().body("email_verified", equalTo(true));
    // Done once; a second send is a conflict.
    assertProblem(duckling.as().post("/beak/verify/email").then(), 409, "E4003");
  }

  @Test
  void phoneCodeVerifiesThePhone() {
    TestDuckling duckling = TestDucklings.create();
    TestDucklings.verifyEmail(duckling);
    String phone = freshPhone();
    duckling
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("phone", phone))
        .post("/beak/verify/phone")
        .then()
        .statusCode(202)
        .body("destination", equalTo(phone));
    confirm(duckling, "phone", latestCode(phone))
        .statusCode(200)
        .body("phone_verified", equalTo(true));
    duckling.as().get("/beak/me").then().body("phone_verified", equalTo(true));
  }

  @Test
  void verifiedNumberIsStoredAndCannotBeVerifiedAgain() {
    TestDuckling duckling = TestDucklings.create();
    TestDucklings.verifyEmail(duckling);
    String phone = freshPhone();
    duckling
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("phone", phone))
        .post("/beak/verify/phone")
        .then()
        .statusCode(202);
    confirm(duckling, "phone", latestCode(phone)).statusCode(200);
    assertEquals(
        phone,
        queryString("select phone from ducklings where id = ?", UUID.fromString(duckling.id())));
    assertProblem(
        duckling
            .as()
            .contentType(ContentType.JSON)
            .body(Map.of("phone", phone))
            .post("/beak/verify/phone")
            .then(),
        409,
        "E4003");
  }

  @Test
  void usedCodeIsConsumedAndCannotBeUsedAgain() {
    TestDuckling duckling = TestDucklings.create();
    duckling.as().post("/beak/verify/email").then().statusCode(202);
    String code = latestCode(duckling.email());
    confirm(duckling, "email", code).statusCode(200);
    assertEquals(
        0,
        queryLong(
            "select count(*) from verification_codes where duckling_id = ? and consumed_at is null",
            UUID.fromString(duckling.id())));
    assertProblem(confirm(duckling, "email", code), 400, "E4000")
        .body("errors[0].message", equalTo("no code is pending; request a new one"));
  }

  @Test
  void codesAreStoredOnlyAsHashes() {
    TestDuckling duckling = TestDucklings.create();
    duckling.as().post("/beak/verify/email").then().statusCode(202);
    String code = latestCode(duckling.email());
    String stored =
        queryString(
            "select code_hash from verification_codes where duckling_id = ? and consumed_at is null",
            UUID.fromString(duckling.id()));
    assertEquals(64, stored.length());
    assertFalse(stored.contains(code));
  }

  @Test
  void wrongCodeIsRejectedAndCounted() {
    TestDuckling duckling = TestDucklings.create();
    duckling.as().post("/beak/verify/email").then().statusCode(202);
    String code = latestCode(duckling.email());
    assertProblem(confirm(duckling, "email", wrong(code)), 400, "E4000")
        .body("errors[0].field", equalTo("code"))
        .body("errors[0].message", equalTo("is incorrect"));
    assertEquals(
        1,
        queryLong(
            "select attempts from verification_codes where duckling_id = ?",
            UUID.fromString(duckling.id())));
    confirm(duckling, "email", code).statusCode(200);
  }

  @Test
  void fiveWrongAttemptsKillTheCode() {
    TestDuckling duckling = TestDucklings.create();
    duckling.as().post("/beak/verify/email").then().statusCode(202);
    String code = latestCode(duckling.email());
    for (int i = 0; i < 5; i++) {
      confirm(duckling, "email", wrong(code)).statusCode(400);
    }
    assertProblem(confirm(duckling, "email", code), 400, "E4000")
        .body("errors[0].message", equalTo("was guessed wrong too often; request a new one"));
    duckling.as().get("/beak/me").then().body("email_verified", equalTo(false));
  }

  @Test
  void expiredCodeIsRejected() {
    TestDuckling duckling = TestDucklings.create();
    duckling.as().post("/beak/verify/email").then().statusCode(202);
    String code = latestCode(duckling.email());
    execute(
        "update verification_codes set expires_at = now() - interval '1 second' where duckling_id = ?",
        UUID.fromString(duckling.id()));
    assertProblem(confirm(duckling, "email", code), 400, "E4000")
        .body("errors[0].message", equalTo("has expired; request a new one"));
  }

  @Test
  void newCodeReplacesTheOldOne() {
    TestDuckling duckling = TestDucklings.create();
    try {
      duckling.as().post("/beak/verify/email").then().statusCode(202);
      String first = latestCode(duckling.email());
      String second = first;
      // Codes are random; ask again until the new one differs (almost always at once).
      for (int i = 0; i < 4 && second.equals(first); i++) {
        clock.advance(Duration.ofMinutes(5));
        duckling.as().post("/beak/verify/email").then().statusCode(202);
        second = latestCode(duckling.email());
      }
      assertNotEquals(first, second);
      assertProblem(confirm(duckling, "email", first), 400, "E4000");
      confirm(duckling, "email", second).statusCode(200);
    } finally {
      clock.reset();
    }
  }

  @Test
  void noPendingCodeAndMalformedInputAreFieldErrors() {
    TestDuckling duckling = TestDucklings.create();
    assertProblem(confirm(duckling, "phone", "123456"), 400, "E4000")
        .body("errors[0].message", equalTo("no code is pending; request a new one"));
    assertProblem(confirm(duckling, "email", "12345"), 400, "E4000")
        .body("errors[0].field", equalTo("code"));
    assertProblem(confirm(duckling, "email", "abcdef"), 400, "E4000");
    assertProblem(
            duckling
                .as()
                .contentType(ContentType.JSON)
                .body(Map.of("phone", "07911 123456"))
                .post("/beak/verify/phone")
                .then(),
            400,
            "E4000")
        .body("errors[0].field", equalTo("phone"));
  }

  @Test
  void anotherDucklingsCodeDoesNotVerifyYou() {
    TestDuckling alice = TestDucklings.create();
    TestDuckling bob = TestDucklings.create();
    alice.as().post("/beak/verify/email").then().statusCode(202);
    assertProblem(confirm(bob, "email", latestCode(alice.email())), 400, "E4000");
  }

  @Test
  void verificationNeedsCredentials() {
    assertProblem(
        io.restassured.RestAssured.given().post("/beak/verify/email").then(), 401, "E4001");
  }
}
