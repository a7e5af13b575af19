package com.spaceduck.identity.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventCodec;
import com.spaceduck.platform.events.EventsConfig;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class OutboxAndConsumerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @Inject ProbeEvents probe;
  @Inject RedisDataSource redis;
  @Inject EventsConfig config;
  @Inject EventCodec codec;
  @Inject ObjectMapper json;

  @Test
  void committedEventIsPublishedOnceAndConsumed() throws Exception {
    String subject = "committed-" + UUID.randomUUID();
    UUID id = UUID.fromString(append(subject, false).statusCode(200).extract().asString());

    await().atMost(PATIENCE).until(() -> publishedAt(id) != null);
    List<Event<JsonNode>> onStream = streamEvents(subject);
    assertEquals(1, onStream.size(), "exactly one stream entry for the event");
    Event<JsonNode> event = onStream.get(0);
    assertEquals(id, event.id());
    assertEquals(ProbeEvents.Probe.TYPE.name(), event.type());
    assertEquals(subject.length(), event.data().path("subject_length").asInt());
    assertEquals(1, event.version());

    await().atMost(PATIENCE).until(() -> probe.applied(id) == 1);
    assertTrue(processed(id), "the consumer recorded the event id");
  }

  @Test
  void rolledBackChangeLeavesNoEvent() throws Exception {
    String subject = "rolled-back-" + UUID.randomUUID();
    append(subject, true).statusCode(500);

    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement("select count(*) from event_outbox where payload like ?")) {
      query.setString(1, "%" + subject + "%");
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        assertEquals(0, rows.getInt(1));
      }
    }
    // Through several relay runs, nothing it (wrongly) had reaches the stream.
    await()
        .during(Duration.ofMillis(500))
        .atMost(PATIENCE)
        .until(() -> streamEvents(subject).isEmpty());
  }

  @Test
  void redeliveredEventIsAppliedOnce() throws Exception {
    Event<JsonNode> event = event("duplicate-" + UUID.randomUUID());
    String payload = codec.encode(event);
    redis.stream(String.class).xadd(config.stream(), Map.of("event", payload));
    redis.stream(String.class).xadd(config.stream(), Map.of("event", payload));

    await().atMost(PATIENCE).until(() -> probe.attempts(event.id()) >= 1 && pendingCount() == 0);
    // The duplicate never reaches the handler.
    await()
        .during(Duration.ofMillis(300))
        .atMost(PATIENCE)
        .until(() -> probe.applied(event.id()) == 1 && probe.attempts(event.id()) == 1);
  }

  @Test
  void failedEventIsRetriedUntilApplied() {
    String subject = "fail-once-" + UUID.randomUUID();
    probe.failOnce(subject);
    Event<JsonNode> event = event(subject);
    redis.stream(String.class).xadd(config.stream(), Map.of("event", codec.encode(event)));

    await().atMost(PATIENCE).until(() -> probe.applied(event.id()) == 1);
    assertEquals(2, probe.attempts(event.id()));
  }

  @Test
  void aFailingEventStaysPendingWhileTheRestOfItsBatchIsAcknowledged() {
    String heldSubject = "held-" + UUID.randomUUID();
    probe.hold(heldSubject);
    Event<JsonNode> held = event(heldSubject);
    List<Event<JsonNode>> others =
        IntStream.range(0, 20).mapToObj(i -> event("batch-" + UUID.randomUUID())).toList();
    List<Event<JsonNode>> all = new ArrayList<>(others);
    all.add(10, held);
    String heldEntry = null;
    for (Event<JsonNode> event : all) {
      String entry =
          redis.stream(String.class).xadd(config.stream(), Map.of("event", codec.encode(event)));
      if (event == held) {
        heldEntry = entry;
      }
    }

    await()
        .atMost(PATIENCE)
        .until(() -> others.stream().allMatch(event -> probe.applied(event.id()) == 1));
    String expected = heldEntry;
    await()
        .atMost(PATIENCE)
        .until(() -> probe.attempts(held.id()) >= 2 && pendingEntries().equals(List.of(expected)));
    assertEquals(0, probe.applied(held.id()));

    probe.release(heldSubject);
    await().atMost(PATIENCE).until(() -> probe.applied(held.id()) == 1 && pendingCount() == 0);
  }

  @Test
  void eventsDeliveredTwiceWithinOneConcurrentBatchAreAppliedOnce() {
    List<Event<JsonNode>> events =
        IntStream.range(0, 15).mapToObj(i -> event("twice-" + UUID.randomUUID())).toList();
    for (int round = 0; round < 2; round++) {
      for (Event<JsonNode> event : events) {
        redis.stream(String.class).xadd(config.stream(), Map.of("event", codec.encode(event)));
      }
    }

    await().atMost(PATIENCE).until(() -> pendingCount() == 0);
    await()
        .during(Duration.ofMillis(300))
        .atMost(PATIENCE)
        .until(() -> events.stream().allMatch(event -> probe.applied(event.id()) == 1));
  }

  @Test
  void malformedEntryIsSkippedWithoutBlockingOthers() {
    redis.stream(String.class).xadd(config.stream(), Map.of("event", "{not json"));
    Event<JsonNode> event = event("after-malformed-" + UUID.randomUUID());
    redis.stream(String.class).xadd(config.stream(), Map.of("event", codec.encode(event)));

    await().atMost(PATIENCE).until(() -> probe.applied(event.id()) == 1);
  }

  private io.restassured.response.ValidatableResponse append(String subject, boolean fail) {
    return given()
        .queryParam("subject", subject)
        .queryParam("fail", fail)
        .post("/test-support/events")
        .then();
  }

  private Event<JsonNode> event(String subject) {
    return new Event<>(
        UUID.randomUUID(),
        ProbeEvents.Probe.TYPE.name(),
        Instant.now(),
        subject,
        json.createObjectNode().put("k", "v"),
        1);
  }

  private List<Event<JsonNode>> streamEvents(String subject) {
    List<StreamMessage<String, String, String>> entries =
        redis.stream(String.class).xrange(config.stream(), StreamRange.of("-", "+"));
    return entries.stream()
        .map(entry -> entry.payload().get("event"))
        .filter(payload -> payload.contains(subject))
        .map(codec::decode)
        .toList();
  }

  private List<String> pendingEntries() {
    return redis.stream(String.class)
        .xpending(config.stream(), config.consumer().group(), StreamRange.of("-", "+"), 100)
        .stream()
        .map(PendingMessage::getMessageId)
        .toList();
  }

  private long pendingCount() {
    return redis.stream(String.class)
        .xpending(config.stream(), config.consumer().group())
        .getPendingCount();
  }

  private static Instant publishedAt(UUID id) throws Exception {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement("select published_at from event_outbox where id = ?")) {
      query.setObject(1, id);
      try (ResultSet rows = query.executeQuery()) {
        assertTrue(rows.next(), "the outbox row exists");
        java.sql.Timestamp at = rows.getTimestamp(1);
        return at == null ? null : at.toInstant();
      }
    }
  }

  private boolean processed(UUID id) throws Exception {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from processed_events where event_id = ? and consumer_group = ?")) {
      query.setObject(1, id);
      query.setString(2, config.consumer().group());
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        assertNotNull(rows);
        return rows.getInt(1) == 1;
      }
    }
  }
}
