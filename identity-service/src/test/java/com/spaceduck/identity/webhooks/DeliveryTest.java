package com.spaceduck.identity.webhooks;

import static com.spaceduck.identity.TestDucklings.execute;
import static com.spaceduck.identity.TestDucklings.markBonded;
import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.identity.TestDucklings.queryString;
import static com.spaceduck.identity.TestDucklings.registerAgent;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.identity.support.MutableClock;
import com.spaceduck.platform.contracts.CertIssued;
import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.contracts.TrustElevated;
import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventCodec;
import com.spaceduck.platform.events.EventsConfig;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class DeliveryTest extends WebhookFixtures {

  @Inject Vertx vertx;
  @Inject WebhookDelivery delivery;
  @Inject MutableClock clock;
  @Inject Pool pool;
  @Inject IdentityConfig config;
  @Inject WebhookResolver resolver;
  @Inject RedisDataSource redis;
  @Inject EventsConfig events;
  @Inject EventCodec codec;

  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void anAgentRegisteredEventReachesOnlyTheSubscribedEndpointSigned() throws Exception {
    TestDuckling owner = TestDucklings.atT1();
    String path = "/ok/" + UUID.randomUUID();
    String other = "/ok/" + UUID.randomUUID();
    Hook hook = subscribe(owner, path, List.of("agent.registered"));
    subscribe(owner, other, List.of("peck.sent"));
    String agentId = registerAgent(owner, "Scout");

    await().atMost(WAIT).until(() -> receiver.at(path).size() == 1);
    Receiver.Received got = receiver.at(path).get(0);
    assertTrue(verifies(hook.secret(), got), "signature verifies");
    assertEquals("application/json", got.header("content-type"));
    JsonNode body = json.readTree(got.body());
    assertEquals("agent.registered", body.get("type").asText());
    assertEquals(agentId, body.get("data").get("agent_id").asText());
    assertEquals(owner.id(), body.get("data").get("duckling_id").asText());
    assertTrue(body.hasNonNull("timestamp"));
    long age =
        Math.abs(
            System.currentTimeMillis() / 1000 - Long.parseLong(got.header("webhook-timestamp")));
    assertTrue(age < 60, "timestamp is now");
    // The outcome is written once the answer is in (successes are written in batches).
    awaitDelivered(got.header("webhook-id"));
    assertEquals(0, receiver.at(other).size(), "a webhook for peck.sent got nothing");
  }

  @Test
  void aPeckReachesBothOwnersAndTrustElevatedItsDuckling() throws Exception {
    TestDuckling sender = TestDucklings.atT1();
    TestDuckling receiverOwner = TestDucklings.atT1();
    String senderPath = "/ok/" + UUID.randomUUID();
    String receiverPath = "/ok/" + UUID.randomUUID();
    Hook senderHook = subscribe(sender, senderPath, List.of("peck.sent"));
    Hook receiverHook =
        subscribe(receiverOwner, receiverPath, List.of("peck.sent", "trust.elevated"));
    String from = registerAgent(sender, "A");
    String to = registerAgent(receiverOwner, "B");
    markBonded(to);
    String peckId =
        sender
            .as()
            .contentType(ContentType.JSON)
            .body(Map.of("from_agent_id", from, "to_agent_id", to, "body", Map.of("hi", 1)))
            .post("/beak/pecks")
            .then()
            .statusCode(201)
            .extract()
            .path("peck_id");
    await()
        .atMost(WAIT)
        .until(() -> receiver.at(senderPath).size() == 1 && receiver.at(receiverPath).size() == 1);
    assertTrue(verifies(senderHook.secret(), receiver.at(senderPath).get(0)));
    assertTrue(verifies(receiverHook.secret(), receiver.at(receiverPath).get(0)));
    JsonNode data = json.readTree(receiver.at(receiverPath).get(0).body()).get("data");
    assertEquals(peckId, data.get("peck_id").asText());
    assertEquals(from, data.get("from_agent_id").asText());
  }

  /**
   * Registers an agent for a webhook at a {@code /flaky} path and waits until the first attempt
   * (answered 500) is recorded; the message's id.
   */
  private String firstAttemptFailed(TestDuckling owner, String path, String agentName) {
    registerAgent(owner, agentName);
    await().atMost(WAIT).until(() -> receiver.at(path).size() == 1);
    String messageId = receiver.at(path).get(0).header("webhook-id");
    await()
        .atMost(WAIT)
        .until(
            () ->
                queryLong("select attempts from webhook_messages where id = ?::uuid", messageId)
                    == 1);
    return messageId;
  }

  @Test
  void aFailedAttemptIsRetriedWithBackoffUntilItSucceeds() {
    TestDuckling owner = TestDucklings.atT1();
    String path = "/flaky/" + UUID.randomUUID();
    Hook hook = subscribe(owner, path, List.of("agent.registered"));
    String messageId = firstAttemptFailed(owner, path, "Retry");
    await()
        .atMost(WAIT)
        .until(
            () ->
                "pending"
                        .equals(
                            queryString(
                                "select status from webhook_messages where id = ?::uuid",
                                messageId))
                    && queryLong(
                            "select attempts from webhook_messages where id = ?::uuid", messageId)
                        == 1);
    long delayMs =
        queryLong(
            "select (extract(epoch from (next_attempt_at - last_attempt_at)) * 1000)::bigint"
                + " from webhook_messages where id = ?::uuid",
            messageId);
    assertTrue(delayMs >= 4500 && delayMs <= 5500, "first retry after 5 s ± 10 %: " + delayMs);
    await().atMost(WAIT).until(() -> receiver.at(path).size() == 2);
    assertEquals(messageId, receiver.at(path).get(1).header("webhook-id"), "same id on retry");
    awaitDelivered(messageId);
    owner
        .as()
        .get("/beak/webhooks/" + hook.id())
        .then()
        .statusCode(200)
        .body("enabled", equalTo(true));
  }

  @Test
  void aMessageIsGivenUpAfterTheLastAttemptAndALongFailingWebhookIsDisabled() {
    TestDuckling owner = TestDucklings.atT1();
    String path = "/fail/" + UUID.randomUUID();
    Hook hook = subscribe(owner, path, List.of("agent.registered"));
    registerAgent(owner, "Doomed");
    for (int attempt = 1; attempt <= 7; attempt++) {
      int expected = attempt;
      await().atMost(WAIT).until(() -> receiver.at(path).size() >= expected);
      await().atMost(WAIT).until(() -> attempts(hook.id()) == expected);
      clock.advance(Duration.ofHours(11));
    }
    assertEquals("failed", messageColumn(hook.id(), "status"));
    assertEquals(7, receiver.at(path).size(), "no attempt after giving up");
    // Failing since long enough: the next failure disables it.
    execute(
        "update webhook_subscriptions set failing_since = now() - interval '6 days' where id = ?::uuid",
        hook.id());
    registerAgent(owner, "Last straw");
    await()
        .atMost(WAIT)
        .until(
            () ->
                queryString(
                        "select enabled from webhook_subscriptions where id = ?::uuid", hook.id())
                    .equals("f"));
    owner
        .as()
        .get("/beak/webhooks/" + hook.id())
        .then()
        .statusCode(200)
        .body("enabled", equalTo(false))
        .body(
            "disabled_reason",
            equalTo("Every delivery attempt failed for 5 days; enable it again to resume."))
        .body("disabled_at", notNullValue());
  }

  @Test
  void twoWorkersRunningTogetherSendEachMessageOnce() throws Exception {
    TestDuckling owner = TestDucklings.create();
    String path = "/ok/" + UUID.randomUUID();
    Hook hook = subscribe(owner, path, List.of("agent.registered"));
    insertMessages(hook.id(), 40, "pending", "1 second", "0 seconds");
    List<CompletableFuture<Integer>> runs =
        List.of(
            delivery.runOnce().subscribeAsCompletionStage(),
            delivery.runOnce().subscribeAsCompletionStage(),
            delivery.runOnce().subscribeAsCompletionStage());
    for (CompletableFuture<Integer> run : runs) {
      run.get();
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                queryLong(
                        "select count(*) from webhook_messages where subscription_id = ?::uuid"
                            + " and status = 'delivered'",
                        hook.id())
                    == 40);
    Map<String, Long> perId =
        receiver.at(path).stream()
            .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
    assertEquals(40, perId.size());
    assertTrue(perId.values().stream().allMatch(n -> n == 1), "each message sent once: " + perId);
  }

  @Test
  void redirectsAreNotFollowedAndMetadataAddressesAreRefusedAtDelivery() {
    TestDuckling owner = TestDucklings.atT1();
    String redirect = "/redirect/" + UUID.randomUUID();
    Hook redirected = subscribe(owner, redirect, List.of("agent.registered"));
    Hook metadata = subscribe(owner, "/ok/" + UUID.randomUUID(), List.of("agent.registered"));
    execute(
        "update webhook_subscriptions set url = 'http://169.254.169.254/latest/meta-data/' where id = ?::uuid",
        metadata.id());
    registerAgent(owner, "Wanderer");
    await().atMost(WAIT).until(() -> "302".equals(messageColumn(redirected.id(), "last_status")));
    assertEquals(0, receiver.at("/ok/redirected").size(), "the redirect was not followed");
    await().atMost(WAIT).until(() -> attempts(metadata.id()) == 1);
    String error = messageColumn(metadata.id(), "last_error");
    assertTrue(error.startsWith("Refused target"), error);
  }

  @Test
  void duringARotationBothSecretsSign() throws Exception {
    TestDuckling owner = TestDucklings.atT1();
    String path = "/ok/" + UUID.randomUUID();
    Hook hook = subscribe(owner, path, List.of("agent.registered"));
    String rotated =
        owner
            .as()
            .post("/beak/webhooks/" + hook.id() + "/secret/rotate")
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    registerAgent(owner, "Roller");
    await().atMost(WAIT).until(() -> receiver.at(path).size() == 1);
    Receiver.Received got = receiver.at(path).get(0);
    assertEquals(2, got.header("webhook-signature").split(" ").length);
    assertTrue(verifies(hook.secret(), got), "the old secret verifies");
    assertTrue(verifies(rotated, got), "the new secret verifies");
  }

  @Test
  void aRetryScheduledInTheDatabaseIsSentByAFreshWorker() throws Exception {
    TestDuckling owner = TestDucklings.atT1();
    String path = "/flaky/" + UUID.randomUUID();
    Hook hook = subscribe(owner, path, List.of("agent.registered"));
    String messageId = firstAttemptFailed(owner, path, "Survivor");
    // The retry as the schedule's second step would have it: half an hour away, so the running
    // worker leaves it alone; nothing but the row says when it is due.
    execute(
        "update webhook_messages set next_attempt_at = now() + interval '30 minutes'"
            + " where id = ?::uuid",
        messageId);
    assertEquals(
        "pending",
        queryString("select status from webhook_messages where id = ?::uuid", messageId));

    // A worker started afresh (new object, own HTTP client, nothing shared in memory), its clock
    // past the scheduled time, as after a restart.
    WebhookDelivery fresh =
        new WebhookDelivery(
            pool,
            vertx,
            Clock.offset(Clock.systemUTC(), Duration.ofHours(1)),
            config,
            resolver,
            new SimpleMeterRegistry());
    assertTrue(fresh.runOnce().await().atMost(WAIT) >= 1, "the fresh worker found it due");
    assertEquals(
        "delivered",
        queryString("select status from webhook_messages where id = ?::uuid", messageId));
    assertEquals(
        2L, queryLong("select attempts from webhook_messages where id = ?::uuid", messageId));
    assertEquals(2, receiver.at(path).size());
    Receiver.Received retried = receiver.at(path).get(1);
    assertEquals(messageId, retried.header("webhook-id"), "same id on the retry");
    assertTrue(verifies(hook.secret(), retried), "signed with the stored secret");
  }

  @Test
  void certIssuedAndTrustElevatedFromTheStreamReachTheirSubscribers() throws Exception {
    TestDuckling owner = TestDucklings.atT1();
    String path = "/ok/" + UUID.randomUUID();
    Hook hook = subscribe(owner, path, List.of("cert.issued", "trust.elevated"));
    UUID duckling = UUID.fromString(owner.id());
    UUID certId = UUID.randomUUID();
    // As cert-service and the trust flow publish them: encoded events on the platform stream.
    publish(duckling, new CertIssued(certId, duckling, TrustTier.T1));
    publish(duckling, new TrustElevated(duckling, TrustTier.T1, TrustTier.T2));

    await().atMost(WAIT).until(() -> receiver.at(path).size() == 2);
    Map<String, JsonNode> byType = new java.util.HashMap<>();
    for (Receiver.Received got : receiver.at(path)) {
      assertTrue(verifies(hook.secret(), got), "signature verifies");
      JsonNode body = json.readTree(got.body());
      assertEquals(
          List.of("type", "timestamp", "data"), iterable(body.fieldNames()), "body fields");
      byType.put(body.get("type").asText(), body.get("data"));
    }
    JsonNode cert = byType.get("cert.issued");
    assertEquals(certId.toString(), cert.get("cert_id").asText());
    assertEquals(owner.id(), cert.get("duckling_id").asText());
    assertEquals("T1", cert.get("trust_tier").asText());
    JsonNode trust = byType.get("trust.elevated");
    assertEquals(owner.id(), trust.get("duckling_id").asText());
    assertEquals("T1", trust.get("from_tier").asText());
    assertEquals("T2", trust.get("to_tier").asText());
  }

  @Test
  void anEndpointThatDoesNotAnswerHoldsUpNoOtherSubscription() {
    TestDuckling owner = TestDucklings.create();
    String hang = "/hang/" + UUID.randomUUID();
    String fast = "/ok/" + UUID.randomUUID();
    Hook stuck = subscribe(owner, hang, List.of("agent.registered"));
    Hook quick = subscribe(owner, fast, List.of("agent.registered"));
    insertDue(stuck.id());
    await().atMost(WAIT).until(() -> receiver.at(hang).size() == 1);
    insertDue(quick.id());
    await().atMost(WAIT).until(() -> receiver.at(fast).size() == 1);
    await().atMost(WAIT).until(() -> "delivered".equals(messageColumn(quick.id(), "status")));
    // The unanswered attempt is still in flight (not yet recorded) while the other was delivered.
    assertEquals(0L, attempts(stuck.id()));
  }

  @Test
  void aBackloggedEndpointGetsOnlyItsShareOfAttemptsAndTheOthersGoAhead() {
    TestDuckling owner = TestDucklings.create();
    String hang = "/hang/" + UUID.randomUUID();
    String fast = "/ok/" + UUID.randomUUID();
    Hook stuck = subscribe(owner, hang, List.of("agent.registered"));
    Hook quick = subscribe(owner, fast, List.of("agent.registered"));
    int share = config.webhooks().perSubscriptionConcurrency();
    // A backlog three times the share, older than anything of the other subscription: the oldest
    // due messages, which a claim takes first.
    insertMessages(stuck.id(), 3 * share, "pending", "2 minutes", "0 seconds");
    insertMessages(quick.id(), 1, "pending", "1 minute", "0 seconds");
    delivery.wake();
    await().atMost(WAIT).until(() -> "delivered".equals(messageColumn(quick.id(), "status")));
    await().atMost(WAIT).until(() -> receiver.at(hang).size() >= share);
    // In flight to the stuck endpoint: what it received less the attempts already recorded (those
    // that timed out). Never above its share, although the claim had room for the whole backlog.
    int received = receiver.at(hang).size();
    long recorded =
        queryLong(
            "select coalesce(sum(attempts), 0) from webhook_messages where subscription_id ="
                + " ?::uuid",
            stuck.id());
    assertTrue(
        received - recorded <= share,
        received + " received, " + recorded + " recorded: more than " + share + " in flight");
  }

  @Test
  void recordingSuccessesTakesSubscriptionsInIdOrderAsTheFanOutDoes() throws Exception {
    TestDuckling owner = TestDucklings.create();
    List<String> hooks = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      hooks.add(subscribe(owner, "/ok/" + UUID.randomUUID(), List.of("agent.registered")).id());
    }
    String in = hooks.stream().map(id -> "'" + id + "'::uuid").collect(Collectors.joining(","));
    // Failing, so recording a success clears the mark: the write takes the subscription rows.
    // One message each, not due (the worker leaves them alone).
    execute("update webhook_subscriptions set failing_since = now() where id in (" + in + ")");
    for (String hook : hooks) {
      insertMessages(hook, 1, "pending", "-1 hour", "0 seconds");
    }
    // Subscriptions in the database's order of their ids.
    List<String> byId =
        List.of(
            queryString(
                    "select string_agg(id::text, ',' order by id) from webhook_subscriptions"
                        + " where id in ("
                        + in
                        + ")")
                .split(","));
    UUID[] messages =
        byId.stream().map(hook -> UUID.fromString(messageColumn(hook, "id"))).toArray(UUID[]::new);
    try (Connection fanOut = PostgresTestDatabase.connect()) {
      // A fan-out in progress: it locks subscriptions in id order and holds the lowest.
      fanOut.setAutoCommit(false);
      lock(fanOut, byId.get(0), "");
      OffsetDateTime now = OffsetDateTime.now();
      CompletableFuture<?> recorded =
          pool.preparedQuery(WebhookDelivery.DELIVERED)
              .execute(
                  Tuple.tuple()
                      .addArrayOfUUID(messages)
                      .addArrayOfOffsetDateTime(
                          Collections.nCopies(messages.length, now).toArray(OffsetDateTime[]::new))
                      .addArrayOfInteger(
                          Collections.nCopies(messages.length, 200).toArray(Integer[]::new))
                      .addArrayOfString(
                          Collections.nCopies(messages.length, "ok").toArray(String[]::new)))
              .subscribeAsCompletionStage();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  queryLong(
                          "select count(*) from pg_stat_activity where datname ="
                              + " current_database() and wait_event_type = 'Lock'"
                              + " and query like '%recovered as%'")
                      == 1);
      // The write waits for the lowest subscription holding none of the others, so the fan-out
      // can go on to take them: no circle, no deadlock.
      for (String hook : byId.subList(1, byId.size())) {
        lock(fanOut, hook, " nowait");
      }
      fanOut.commit();
      recorded.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }
    assertEquals(
        0L,
        queryLong(
            "select count(*) from webhook_subscriptions where id in ("
                + in
                + ") and failing_since is not null"));
    assertEquals(
        6L,
        queryLong(
            "select count(*) from webhook_messages where status = 'delivered'"
                + " and subscription_id in ("
                + in
                + ")"));
  }

  private static void lock(Connection db, String subscription, String mode) throws Exception {
    try (PreparedStatement select =
        db.prepareStatement(
            "select id from webhook_subscriptions where id = ?::uuid for update" + mode)) {
      select.setString(1, subscription);
      select.executeQuery().close();
    }
  }

  private void publish(UUID subject, EventData data) {
    Event<EventData> event =
        new Event<>(
            UUID.randomUUID(),
            data.eventType().name(),
            Instant.now(),
            subject.toString(),
            data,
            data.eventType().version());
    redis.stream(String.class).xadd(events.stream(), Map.of("event", codec.encode(event)));
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> all = new java.util.ArrayList<>();
    names.forEachRemaining(all::add);
    return all;
  }
}
