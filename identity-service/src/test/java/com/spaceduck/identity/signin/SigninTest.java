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

import com.spaceduck.identity.support.MutableClock;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class SigninTest {

  /** A stranger guessing passwords, and the owner somewhere else (documentation ranges). */
  private static final String STRANGER = "203.0.113.7";

  private static final String OWNER = "198.51.100.20";

  @Inject MutableClock clock;

  /** Signs in as if from {@code address} (the gateway's X-Forwarded-For entry). */
  private static ValidatableResponse signin(String email, String password, String address) {
    return given()
        .header("X-Forwarded-For", address)
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/beak/signin")
        .then();
  }

  /** Asserts a 429 E4004 with Retry-After and returns its seconds. */
  private static long throttled(ValidatableResponse response) {
    String retryAfter =
        assertProblem(response, 429, "E4004")
            .header("Retry-After", notNullValue())
            .extract()
            .header("Retry-After");
    long seconds = Long.parseLong(retryAfter);
    assertTrue(seconds >= 1, "Retry-After " + seconds);
    return seconds;
  }

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
  void strangersFailuresSlowTheirAddressButNeverLockTheOwnerOut() {
    String email = freshEmail();
    signup(email);
    for (int i = 0; i < 5; i++) {
      assertProblem(signin(email, "Wrong-Password-" + i, STRANGER), 401, "E4001");
    }
    // The stranger's address now waits, even with the right password (nothing is hashed).
    assertTrue(throttled(signin(email, PASSWORD, STRANGER)) <= 60);
    // The owner, elsewhere, is not slowed at all.
    signin(email, PASSWORD, OWNER).statusCode(200).body("sd_token", notNullValue());
    // A spoofed X-Forwarded-For entry left of the gateway's own entry changes nothing.
    assertTrue(throttled(signin(email, PASSWORD, OWNER + ", " + STRANGER)) <= 60);
  }

  @Test
  void theWaitDoublesWithEachFurtherFailure() {
    String email = freshEmail();
    signup(email);
    try {
      for (int i = 0; i < 5; i++) {
        signin(email, "Wrong-Password-" + i, STRANGER).statusCode(401);
      }
      long first = throttled(signin(email, "Wrong-Password-x", STRANGER));
      assertTrue(first > 50 && first <= 60, "first wait " + first);
      clock.advance(Duration.ofSeconds(61));
      signin(email, "Wrong-Password-6", STRANGER).statusCode(401);
      long second = throttled(signin(email, "Wrong-Password-x", STRANGER));
      assertTrue(second > 110 && second <= 120, "second wait " + second);
      clock.advance(Duration.ofSeconds(121));
      signin(email, "Wrong-Password-7", STRANGER).statusCode(401);
      long third = throttled(signin(email, "Wrong-Password-x", STRANGER));
      assertTrue(third > 230 && third <= 240, "third wait " + third);
    } finally {
      clock.reset();
    }
  }

  @Test
  void accountCeilingBindsOnlyAddressesThatFailed() {
    // %test ceiling: 12 failures per account per day, reached from three addresses (4 each, under
    // the 5 free failures per address).
    String email = freshEmail();
    signup(email);
    for (int address = 1; address <= 3; address++) {
      for (int i = 0; i < 4; i++) {
        signin(email, "Wrong-Password-" + i, "203.0.113." + address).statusCode(401);
      }
    }
    // Addresses that failed are refused until the UTC day ends...
    long wait = throttled(signin(email, PASSWORD, "203.0.113.1"));
    assertTrue(wait > 60, "refused until the day ends, not " + wait);
    // ...an address with no failure still gets in with the right password...
    signin(email, PASSWORD, OWNER).statusCode(200);
    // ...and a new address gets one guess, after which it is refused too.
    signin(email, "Wrong-Password-z", "203.0.113.99").statusCode(401);
    throttled(signin(email, PASSWORD, "203.0.113.99"));
  }

  /**
   * Fires {@code count} sign-ins at once from {@code address}; returns how many got each status.
   */
  private static Map<Integer, Integer> parallel(
      int count, String email, String password, String address) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return signin(email, password, address).extract().statusCode();
                }));
      }
      start.countDown();
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Future<Integer> answer : answers) {
        statuses.merge(answer.get(), 1, Integer::sum);
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void parallelGuessesCanOnlyBorrowTheInFlightAllowance() throws Exception {
    String email = freshEmail();
    signup(email);
    Map<Integer, Integer> statuses = parallel(24, email, "Wrong-Password-0", STRANGER);
    int wrong = statuses.getOrDefault(401, 0);
    // At most 4 free failures plus 8 in flight (max-in-flight-per-address), never all 24.
    assertTrue(wrong >= 5 && wrong <= 12, "statuses " + statuses);
    assertEquals(24, wrong + statuses.getOrDefault(429, 0), "statuses " + statuses);
    throttled(signin(email, PASSWORD, STRANGER));
  }

  @Test
  void aThrottledAddressGetsOneAttemptEachTimeItsWaitEnds() throws Exception {
    String email = freshEmail();
    signup(email);
    try {
      for (int i = 0; i < 5; i++) {
        signin(email, "Wrong-Password-" + i, STRANGER).statusCode(401);
      }
      clock.advance(Duration.ofSeconds(61));
      Map<Integer, Integer> statuses = parallel(10, email, "Wrong-Password-x", STRANGER);
      assertEquals(Map.of(401, 1, 429, 9), statuses);
    } finally {
      clock.reset();
    }
  }

  @Test
  void theOwnerMaySignInInParallel() throws Exception {
    String email = freshEmail();
    signup(email);
    assertEquals(Map.of(200, 8), parallel(8, email, PASSWORD, OWNER));
    assertEquals(Map.of(200, 8), parallel(8, email, PASSWORD, OWNER));
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
