package com.spaceduck.identity.verification;

import static com.spaceduck.identity.TestDucklings.freshPhone;
import static com.spaceduck.identity.TestDucklings.latestCode;
import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The caps on sending and guessing codes (defaults: 5 sends, 10 wrong guesses, 5 per number). */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class VerificationLimitsTest {

  @Inject MutableClock clock;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private static ValidatableResponse sendEmail(TestDuckling duckling) {
    return duckling.as().post("/beak/verify/email").then();
  }

  private static ValidatableResponse sendPhone(TestDuckling duckling, String phone) {
    return duckling
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("phone", phone))
        .post("/beak/verify/phone")
        .then();
  }

  private static ValidatableResponse confirm(TestDuckling duckling, String code) {
    return duckling
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("code", code))
        .post("/beak/verify/email/confirm")
        .then();
  }

  private static String wrong(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  /** Asserts a 429 E4004 with Retry-After and returns its seconds. */
  private static long throttled(ValidatableResponse response) {
    long seconds =
        Long.parseLong(
            assertProblem(response, 429, "E4004")
                .header("Retry-After", notNullValue())
                .extract()
                .header("Retry-After"));
    assertTrue(seconds >= 1);
    return seconds;
  }

  @Test
  void wrongGuessesAreCountedAcrossResends() {
    TestDuckling duckling = TestDucklings.create();
    // Two codes, five wrong guesses each: the day's ten are used up...
    for (int round = 0; round < 2; round++) {
      sendEmail(duckling).statusCode(202);
      String code = latestCode(duckling.email());
      for (int i = 0; i < 5; i++) {
        confirm(duckling, wrong(code)).statusCode(400);
      }
      clock.advance(Duration.ofMinutes(10));
    }
    // ...so a third code brings no new guesses: even the right one is refused today.
    sendEmail(duckling).statusCode(202);
    long wait = throttled(confirm(duckling, latestCode(duckling.email())));
    assertTrue(wait > 60, "refused until the day ends, not " + wait);
    duckling.as().get("/beak/me").then().body("email_verified", equalTo(false));
  }

  @Test
  void rightGuessesAndMissingCodesDoNotUseUpTheAllowance() {
    TestDuckling duckling = TestDucklings.create();
    for (int i = 0; i < 12; i++) {
      assertProblem(confirm(duckling, "123456"), 400, "E4000");
    }
    sendEmail(duckling).statusCode(202);
    confirm(duckling, latestCode(duckling.email())).statusCode(200);
  }

  @Test
  void sendsWaitLongerEachTimeAndStopAtTheDailyCap() {
    TestDuckling duckling = TestDucklings.create();
    sendEmail(duckling).statusCode(202);
    long previous = 0;
    for (int sent = 1; sent < 5; sent++) {
      long wait = throttled(sendEmail(duckling));
      assertTrue(wait > previous, "wait " + wait + " after " + previous);
      previous = wait;
      clock.advance(Duration.ofSeconds(wait + 1));
      sendEmail(duckling).statusCode(202);
    }
    clock.advance(Duration.ofMinutes(10));
    long wait = throttled(sendEmail(duckling));
    assertTrue(wait > 600, "capped until the day ends, not " + wait);
    assertEquals(
        5, queryLong("select count(*) from notifications where destination = ?", duckling.email()));
  }

  @Test
  void phoneCodesNeedAVerifiedEmailFirst() {
    TestDuckling duckling = TestDucklings.create();
    String phone = freshPhone();
    assertProblem(sendPhone(duckling, phone), 403, "E4002").body("missing[0]", equalTo("email"));
    assertEquals(0, queryLong("select count(*) from notifications where destination = ?", phone));
  }

  @Test
  void numbersOutsideTheAllowedPrefixesAreRefused() {
    TestDuckling duckling = TestDucklings.create();
    TestDucklings.verifyEmail(duckling);
    // +882: international networks, a favourite of SMS pumping.
    assertProblem(sendPhone(duckling, "+88234567890123"), 400, "E4000")
        .body("errors[0].field", equalTo("phone"));
    sendPhone(duckling, freshPhone()).statusCode(202);
  }

  @Test
  void oneNumberGetsAtMostItsDailyCodesWhoeverAsks() {
    String victim = freshPhone();
    for (int i = 0; i < 5; i++) {
      TestDuckling duckling = TestDucklings.create();
      TestDucklings.verifyEmail(duckling);
      sendPhone(duckling, victim).statusCode(202);
      // Past the number's wait (30 s, doubling), not its daily cap.
      clock.advance(Duration.ofSeconds(30L << i).plusSeconds(1));
    }
    TestDuckling sixth = TestDucklings.create();
    TestDucklings.verifyEmail(sixth);
    throttled(sendPhone(sixth, victim));
    assertEquals(5, queryLong("select count(*) from notifications where destination = ?", victim));
  }

  @Test
  void phoneSendsArePacedPerNumber() {
    String number = freshPhone();
    TestDuckling first = TestDucklings.create();
    TestDucklings.verifyEmail(first);
    TestDuckling second = TestDucklings.create();
    TestDucklings.verifyEmail(second);
    sendPhone(first, number).statusCode(202);
    long wait = throttled(sendPhone(second, number));
    assertTrue(wait <= 30, "wait " + wait);
  }
}
