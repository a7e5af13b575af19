package com.spaceduck.identity.webhooks;

import static com.spaceduck.identity.TestDucklings.execute;
import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.identity.TestDucklings.queryString;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class MessagesTest extends WebhookFixtures {

  private static final String TESTER_DISABLED =
      "The webhook is disabled: enable it (PATCH enabled: true) to test it.";

  private String subscribe(TestDuckling owner, String path, boolean ordered) {
    return subscribe(owner, path, List.of("agent.registered"), ordered).id();
  }

  /** The webhook tester: sends a sample of the event type now. */
  private static ValidatableResponse sendTest(TestDuckling owner, String id, String eventType) {
    return owner
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("event_type", eventType))
        .post("/beak/webhooks/" + id + "/test")
        .then();
  }

  private static ValidatableResponse replay(TestDuckling owner, String id, Instant since) {
    return owner
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("since", since.toString()))
        .post("/beak/webhooks/" + id + "/replay")
        .then();
  }

  private static ValidatableResponse enable(TestDuckling owner, String id, boolean enabled) {
    return owner
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("enabled", enabled))
        .patch("/beak/webhooks/" + id)
        .then();
  }

  @Test
  void messagesArePagedNewestFirstAndRetriedOnRequest() {
    TestDuckling owner = TestDucklings.create();
    String path = "/fail/" + UUID.randomUUID();
    String id = subscribe(owner, path, false);
    insertMessages(id, 3, "pending", "1 second", "1 hour");
    await()
        .atMost(WAIT)
        .until(
            () ->
                queryLong(
                        "select count(*) from webhook_messages where subscription_id = ?::uuid"
                            + " and attempts = 1",
                        id)
                    == 3);
    // Hold the automatic retries back, so only the requested one happens.
    execute(
        "update webhook_messages set next_attempt_at = now() + interval '1 hour'"
            + " where subscription_id = ?::uuid",
        id);
    owner
        .as()
        .queryParam("size", 2)
        .get("/beak/webhooks/" + id + "/messages")
        .then()
        .statusCode(200)
        .body("messages", hasSize(2))
        .body("messages[0].sequence", equalTo(3))
        .body("messages[0].status", equalTo("pending"))
        .body("messages[0].attempts", equalTo(1))
        .body("messages[0].last_response_status", equalTo(500))
        .body("messages[0].last_response_body", equalTo("{\"error\":\"down\"}"))
        .body("messages[0].next_attempt_at", notNullValue())
        .body("messages[0].body", equalTo("{\"n\":3}"))
        .body("next_page", equalTo(1));
    String first =
        queryString(
            "select id from webhook_messages where subscription_id = ?::uuid and sequence = 1", id);
    owner
        .as()
        .post("/beak/webhooks/" + id + "/messages/" + first + "/retry")
        .then()
        .statusCode(200)
        .body("status", equalTo("pending"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                queryLong("select attempts from webhook_messages where id = ?::uuid", first) == 2);
    TestDuckling stranger = TestDucklings.create();
    assertProblem(stranger.as().get("/beak/webhooks/" + id + "/messages").then(), 404, "E4005");
    assertProblem(
        stranger.as().post("/beak/webhooks/" + id + "/messages/" + first + "/retry").then(),
        404,
        "E4005");
  }

  @Test
  void replaySendsEverythingSinceATimeAgain() {
    TestDuckling owner = TestDucklings.create();
    String path = "/ok/" + UUID.randomUUID();
    String id = subscribe(owner, path, false);
    insertMessages(id, 3, "delivered", "1 second", "1 hour");
    // Rows are an hour old, one second apart: "since" falls between the first and the second.
    Instant since = Instant.now().minusSeconds(3600).plusMillis(500);
    replay(owner, id, since).statusCode(200).body("messages", equalTo(2));
    await().atMost(WAIT).until(() -> receiver.at(path).size() == 2);
    assertTrue(
        receiver.at(path).stream().noneMatch(r -> r.body().equals("{\"n\":1}")),
        "nothing older than since");
    // Standard Webhooks: a replayed message keeps its id, so receivers can tell it is the same.
    for (Receiver.Received got : receiver.at(path)) {
      long sequence = Long.parseLong(got.body().replaceAll("\\D", ""));
      assertEquals(
          queryString(
              "select id from webhook_messages where subscription_id = ?::uuid and sequence = ?",
              id,
              sequence),
          got.header("webhook-id"),
          "webhook-id of message " + sequence);
    }
    // A second replay sends the same ids again.
    replay(owner, id, since).statusCode(200).body("messages", equalTo(2));
    await().atMost(WAIT).until(() -> receiver.at(path).size() == 4);
    List<String> ids = receiver.at(path).stream().map(r -> r.header("webhook-id")).toList();
    assertEquals(java.util.Set.copyOf(ids.subList(0, 2)), java.util.Set.copyOf(ids.subList(2, 4)));
  }

  @Test
  void anOrderedWebhookSendsTheNextMessageOnlyAfterThePreviousIsDone() {
    TestDuckling owner = TestDucklings.create();
    String path = "/flaky/" + UUID.randomUUID();
    String id = subscribe(owner, path, true);
    insertMessages(id, 2, "pending", "1 second", "1 hour");
    await().atMost(WAIT).until(() -> receiver.at(path).size() >= 1);
    // The first attempt of message 1 failed; message 2 waits for its retry (5 s later).
    await()
        .atMost(WAIT)
        .until(
            () ->
                "delivered"
                    .equals(
                        queryString(
                            "select status from webhook_messages where subscription_id = ?::uuid"
                                + " and sequence = 2",
                            id)));
    List<String> bodies = receiver.at(path).stream().map(Receiver.Received::body).toList();
    // 1 fails, 1 again (delivered), then 2 (fails once, then delivered): never 2 before 1 is done.
    assertEquals("{\"n\":1}", bodies.get(0));
    assertEquals("{\"n\":1}", bodies.get(1));
    assertEquals("{\"n\":2}", bodies.get(2));
  }

  @Test
  void theTesterRefusesADisabledWebhook() {
    TestDuckling owner = TestDucklings.create();
    String path = "/ok/" + UUID.randomUUID();
    String id = subscribe(owner, path, false);
    enable(owner, id, false).statusCode(200).body("enabled", equalTo(false));
    assertProblem(sendTest(owner, id, "cert.issued"), 409, "E4003")
        .body("detail", equalTo(TESTER_DISABLED));
    assertEquals(0, receiver.at(path).size(), "nothing was sent");
    enable(owner, id, true).statusCode(200);
    sendTest(owner, id, "cert.issued").statusCode(200).body("success", equalTo(true));
    assertEquals(1, receiver.at(path).size());
  }

  @Test
  void aHugeAnswerIsReadOnlyUpToItsFirstKibibyte() throws Exception {
    TestDuckling owner = TestDucklings.create();
    String id = subscribe(owner, "/huge/" + UUID.randomUUID(), false);
    sendTest(owner, id, "agent.registered")
        .statusCode(200)
        .body("success", equalTo(true))
        .body("status", equalTo(200))
        .body("body", equalTo("x".repeat(1024)));
    // The connection was dropped after the excerpt: the receiver could not write its whole body.
    long written = receiver.hugeStopped.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(written < Receiver.HUGE / 4, "stopped reading early: " + written + " bytes");
  }

  @Test
  void theTesterSendsASignedSampleNowAndReportsTheAnswer() {
    TestDuckling owner = TestDucklings.create();
    String path = "/ok/" + UUID.randomUUID();
    String id = subscribe(owner, path, false);
    sendTest(owner, id, "cert.issued")
        .statusCode(200)
        .body("success", equalTo(true))
        .body("status", equalTo(200))
        .body("body", equalTo("thanks"))
        .body("latency_ms", notNullValue());
    assertEquals(1, receiver.at(path).size());
    Receiver.Received got = receiver.at(path).get(0);
    assertTrue(got.body().startsWith("{\"type\":\"cert.issued\""), got.body());
    assertTrue(got.header("webhook-signature").startsWith("v1,"));

    String failing = subscribe(owner, "/fail/" + UUID.randomUUID(), List.of("peck.sent")).id();
    sendTest(owner, failing, "peck.sent")
        .statusCode(200)
        .body("success", equalTo(false))
        .body("status", equalTo(500))
        .body("error", startsWith("HTTP 500"));
    assertProblem(sendTest(owner, id, "duck.quacked"), 400, "E4000")
        .body("errors[0].field", equalTo("event_type"));
  }
}
