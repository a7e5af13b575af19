package com.spaceduck.identity.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventCodec;
import com.spaceduck.platform.events.EventsConfig;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.PendingMessage;
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

/**
 * A read of events whose handler is batchable is applied in one transaction; when one event of it
 * fails, nothing of that transaction stays and the events are applied one by one instead, so only
 * the failing one stays pending. Applied is what {@code processed_events} says (its row commits
 * with the handler's work), and pending what the consumer group says.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class BatchedConsumerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Inject BatchProbeEvents probe;
  @Inject RedisDataSource redis;
  @Inject EventsConfig config;
  @Inject EventCodec codec;
  @Inject ObjectMapper json;

  @Test
  void aReadOfBatchableEventsIsAppliedOnceEachAndAcknowledged() throws Exception {
    int commitsBefore = probe.commits();
    List<Event<JsonNode>> events = events("together", 30);
    List<String> entries = publish(events);

    await().atMost(PATIENCE).until(() -> appliedCount(events) == events.size());
    await().atMost(PATIENCE).until(() -> noneOfThemPending(entries));
    for (Event<JsonNode> event : events) {
      assertEquals(1, probe.attempts(event.id()), "handled once, no fallback");
    }
    assertTrue(probe.commits() > commitsBefore, "the handler heard of the commit");
    // Events recorded by one statement share its processed_at; one by one, each has its own.
    assertTrue(distinctProcessedAt(events) < events.size(), "some events shared one transaction");
  }

  @Test
  void eventsDeliveredTwiceInOneReadAreAppliedOnce() throws Exception {
    List<Event<JsonNode>> events = events("twice", 10);
    List<Event<JsonNode>> twice = new ArrayList<>(events);
    twice.addAll(events);
    List<String> entries = publish(twice);

    await().atMost(PATIENCE).until(() -> noneOfThemPending(entries));
    assertEquals(events.size(), appliedCount(events));
    for (Event<JsonNode> event : events) {
      assertEquals(1, probe.attempts(event.id()), "the second copy never reaches the handler");
    }
  }

  @Test
  void oneFailingEventLeavesOnlyItselfPending() throws Exception {
    String heldSubject = "held-" + UUID.randomUUID();
    probe.hold(heldSubject);
    List<Event<JsonNode>> others = events("beside-held", 20);
    Event<JsonNode> held = event(heldSubject);
    List<Event<JsonNode>> all = new ArrayList<>(others);
    all.add(7, held);
    List<String> entries = publish(all);
    String heldEntry = entries.get(7);

    await().atMost(PATIENCE).until(() -> appliedCount(others) == others.size());
    await()
        .atMost(PATIENCE)
        .until(() -> probe.attempts(held.id()) >= 2 && pending(entries).equals(List.of(heldEntry)));
    assertFalse(applied(held.id()), "the failing event's dedup row was rolled back");

    probe.release(heldSubject);
    await().atMost(PATIENCE).until(() -> applied(held.id()) && noneOfThemPending(entries));
  }

  private List<Event<JsonNode>> events(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> event(prefix + "-" + UUID.randomUUID()))
        .toList();
  }

  private Event<JsonNode> event(String subject) {
    return new Event<>(
        UUID.randomUUID(),
        BatchProbeEvents.BatchProbe.TYPE.name(),
        Instant.now(),
        subject,
        json.createObjectNode().put("n", 1),
        1);
  }

  /** Adds the events to the stream, one entry each; their entry ids, in order. */
  private List<String> publish(List<Event<JsonNode>> events) {
    List<String> entries = new ArrayList<>();
    for (Event<JsonNode> event : events) {
      entries.add(
          redis.stream(String.class).xadd(config.stream(), Map.of("event", codec.encode(event))));
    }
    return entries;
  }

  /** Which of {@code entries} are delivered to the group and not acknowledged. */
  private List<String> pending(List<String> entries) {
    return redis.stream(String.class)
        .xpending(config.stream(), config.consumer().group(), StreamRange.of("-", "+"), 1000)
        .stream()
        .map(PendingMessage::getMessageId)
        .filter(entries::contains)
        .toList();
  }

  private boolean noneOfThemPending(List<String> entries) {
    return pending(entries).isEmpty();
  }

  private boolean applied(UUID id) throws Exception {
    return appliedCount(List.of(id)) == 1;
  }

  private int distinctProcessedAt(List<Event<JsonNode>> events) throws Exception {
    return count("count(distinct processed_at)", events.stream().map(Event::id).toList());
  }

  private int appliedCount(List<?> eventsOrIds) throws Exception {
    List<UUID> ids =
        eventsOrIds.stream()
            .map(item -> item instanceof Event<?> event ? event.id() : (UUID) item)
            .toList();
    return count("count(*)", ids);
  }

  private int count(String what, List<UUID> ids) throws Exception {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select "
                    + what
                    + " from processed_events where consumer_group = ? and event_id = any (?)")) {
      query.setString(1, config.consumer().group());
      query.setArray(2, db.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
