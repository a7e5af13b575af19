package com.spaceduck.identity.publicapi;

import static com.spaceduck.identity.TestDucklings.freshEmail;
import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.identity.TestDucklings.queryString;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.pageview.PageviewService;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class PublicEndpointsTest {

  @Inject PageviewService pageviews;

  private static ValidatableResponse post(String path, Object body) {
    return given().contentType(ContentType.JSON).body(body).post(path).then();
  }

  @Test
  void metricsReportCountsAndVersionWithoutCredentials() {
    given()
        .get("/beak/metrics")
        .then()
        .statusCode(200)
        .body("registered", greaterThanOrEqualTo(0))
        .body("certified", greaterThanOrEqualTo(0))
        .body("bonded", greaterThanOrEqualTo(0))
        .body("domains", greaterThanOrEqualTo(0))
        .body("galaxy_version", equalTo("0.1.0-SNAPSHOT"));
  }

  @Test
  void metricsCatchUpWithinTheCacheLifetime() {
    String domain = "metrics-" + UUID.randomUUID() + ".test";
    TestDucklings.signup("a@" + domain);
    long registered = queryLong("select count(*) from ducklings");
    long domains = queryLong("select count(distinct email_domain) from ducklings");
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                given()
                    .get("/beak/metrics")
                    .then()
                    .body("registered", greaterThanOrEqualTo((int) registered))
                    .body("domains", greaterThanOrEqualTo((int) domains)));
  }

  @Test
  void metricsAreServedFromCacheBetweenRefreshes() {
    // Two reads in quick succession: the second can't see a sign-up made between them.
    int before = given().get("/beak/metrics").then().extract().path("registered");
    TestDucklings.signup(freshEmail());
    int after = given().get("/beak/metrics").then().extract().path("registered");
    // Either still cached (same) or just refreshed (one more); never a query error.
    org.junit.jupiter.api.Assertions.assertTrue(after == before || after >= before + 1);
  }

  @Test
  void newsletterAnswersTheSameForNewAndExistingAddresses() {
    String email = freshEmail();
    String first =
        post("/beak/newsletter/subscribe", Map.of("email", email))
            .statusCode(202)
            .extract()
            .asString();
    String again =
        post("/beak/newsletter/subscribe", Map.of("email", " " + email.toUpperCase()))
            .statusCode(202)
            .extract()
            .asString();
    assertEquals(first, again);
    assertEquals(
        1, queryLong("select count(*) from newsletter_subscriptions where email = ?", email));
  }

  @Test
  void concurrentSubscriptionsOfOneAddressAllSucceed() throws Exception {
    String email = freshEmail();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return post("/beak/newsletter/subscribe", Map.of("email", email))
                      .extract()
                      .statusCode();
                }));
      }
      start.countDown();
      for (Future<Integer> answer : answers) {
        assertEquals(202, answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1, queryLong("select count(*) from newsletter_subscriptions where email = ?", email));
  }

  @Test
  void newsletterRejectsInvalidEmail() {
    assertProblem(post("/beak/newsletter/subscribe", Map.of("email", "nope")), 400, "E4000")
        .body("errors[0].field", equalTo("email"));
    assertProblem(post("/beak/newsletter/subscribe", Map.of()), 400, "E4000")
        .body("errors[0].field", equalTo("email"));
    assertProblem(
            post("/beak/newsletter/subscribe", Map.of("email", "a".repeat(250) + "@x.io")),
            400,
            "E4000")
        .body("errors[0].field", equalTo("email"));
  }

  @Test
  void pageviewIsAcceptedAndWrittenInABatch() {
    String page = "/docs/" + UUID.randomUUID();
    post("/beak/pageview", Map.of("page", page, "referrer", "https://example.com/"))
        .statusCode(202);
    post("/beak/pageview", Map.of("page", page)).statusCode(202);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> queryLong("select count(*) from page_views where page = ?", page) == 2);
    assertEquals(
        "https://example.com/",
        queryString(
            "select referrer from page_views where page = ? and referrer is not null", page));
  }

  @Test
  void shutdownWritesEveryBufferedPageview() {
    String page = "/shutdown/" + UUID.randomUUID();
    for (int i = 0; i < 25; i++) {
      post("/beak/pageview", Map.of("page", page)).statusCode(202);
    }
    // What a clean shutdown runs; no waiting afterwards: the rows must be there when it returns.
    pageviews.flushOnShutdown(null);
    assertEquals(25, queryLong("select count(*) from page_views where page = ?", page));
  }

  @Test
  void pageviewValidatesItsFields() {
    assertProblem(post("/beak/pageview", Map.of("referrer", "x")), 400, "E4000")
        .body("errors[0].field", equalTo("page"));
    assertProblem(post("/beak/pageview", Map.of("page", "/" + "p".repeat(2048))), 400, "E4000")
        .body("errors[0].field", equalTo("page"));
    Map<String, String> body = new HashMap<>();
    body.put("page", "/");
    body.put("referrer", "r".repeat(2049));
    assertProblem(post("/beak/pageview", body), 400, "E4000")
        .body("errors[0].field", equalTo("referrer"));
  }

  @Test
  void supportContactCreatesATicket() {
    String email = freshEmail();
    String ticket =
        post("/beak/support/contact", Map.of("email", email, "message", "My duck won't quack."))
            .statusCode(201)
            .body("ticket_id", matchesPattern("[0-9a-f-]{36}"))
            .extract()
            .path("ticket_id");
    assertEquals(
        "My duck won't quack.",
        queryString("select message from support_tickets where id = ?", UUID.fromString(ticket)));
    assertEquals(
        "open",
        queryString("select status from support_tickets where id = ?", UUID.fromString(ticket)));
  }

  @Test
  void supportContactValidatesItsFields() {
    assertProblem(
            post("/beak/support/contact", Map.of("email", "bad", "message", "hi")), 400, "E4000")
        .body("errors[0].field", equalTo("email"));
    assertProblem(
            post("/beak/support/contact", Map.of("email", freshEmail(), "message", " ")),
            400,
            "E4000")
        .body("errors[0].field", equalTo("message"));
    assertProblem(
            post(
                "/beak/support/contact",
                Map.of("email", freshEmail(), "message", "m".repeat(5001))),
            400,
            "E4000")
        .body("errors.field", hasItem("message"));
    assertProblem(post("/beak/support/contact", Map.of()), 400, "E4000")
        .body("errors.field", hasItem("email"))
        .body("errors.field", hasItem("message"));
  }

  @Test
  void publicEndpointsIgnoreBadCredentials() {
    given()
        .auth()
        .oauth2("garbage")
        .get("/beak/metrics")
        .then()
        .statusCode(200)
        .body("registered", notNullValue());
  }
}
