package com.spaceduck.identity.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.platform.events.EventCodec;
import com.spaceduck.platform.events.EventConsumer;
import com.spaceduck.platform.events.EventsConfig;
import com.spaceduck.platform.events.StreamGroups;
import com.spaceduck.platform.events.StreamTrimmer;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XTrimArgs;
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
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Losing the stream's contents loses no event: what Redis forgot (a restart without persistence,
 * the stream deleted, its consumer group deleted, the stream trimmed under a consumer) is published
 * again from the outbox or read again by a recreated group, and consumers apply each event once.
 * The stream is wiped with {@code DEL} rather than {@code FLUSHALL}: the effect on the stream and
 * its groups is the same, and other users of the shared test Redis keep their keys.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class StreamLossTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Inject ProbeEvents probe;
  @Inject RedisDataSource redis;
  @Inject EventsConfig config;
  @Inject EventCodec codec;
  @Inject MeterRegistry registry;
  @Inject StreamTrimmer trimmer;
  @Inject EventConsumer consumer;
  @Inject StreamGroups groups;

  @Test
  void eventsWipedFromRedisAreAllConsumedOnceTheConsumerRunsAgain() throws Exception {
    survives(stream -> redis.key().del(stream));
  }

  @Test
  void eventsTrimmedAwayUnderAConsumerArePublishedAgain() throws Exception {
    survives(stream -> redis.stream(String.class).xtrim(stream, new XTrimArgs().maxlen(0)));
  }

  @Test
  void aDeletedConsumerGroupIsRecreatedWithoutSkipping() throws Exception {
    survives(stream -> redis.stream(String.class).xgroupDestroy(stream, config.consumer().group()));
  }

  /**
   * Five events applied and ten still unapplied (their handler fails while "held", as if the
   * consumer were down), then {@code loss}; once released, the ten are applied exactly once and the
   * five are not applied again, although the stream carries them again.
   */
  private void survives(Consumer<String> loss) throws Exception {
    String done = "applied-" + UUID.randomUUID();
    String held = "held-" + UUID.randomUUID();
    probe.hold(held);
    List<UUID> applied = append(done, 5);
    List<UUID> waiting = append(held, 10);
    await().atMost(PATIENCE).until(() -> applied.stream().allMatch(id -> probe.applied(id) == 1));
    await().atMost(PATIENCE).until(() -> waiting.stream().allMatch(id -> probe.attempts(id) >= 1));
    double republishedBefore = republished();

    loss.accept(config.stream());
    probe.release(held);

    await().atMost(PATIENCE).until(() -> waiting.stream().allMatch(id -> probe.applied(id) == 1));
    if (republished() > republishedBefore) {
      // Published again: the five already applied came round too, and went no further.
      assertEquals(applied.size(), onStream(done));
    }
    await().atMost(PATIENCE).until(this::groupCaughtUp);
    applied.forEach(id -> assertEquals(1, probe.attempts(id), "applied once, never retried"));
    waiting.forEach(id -> assertEquals(1, probe.applied(id)));
  }

  @Test
  void wipingTheStreamMakesTheRelayPublishEverythingAgain() throws Exception {
    String subject = "republished-" + UUID.randomUUID();
    List<UUID> ids = append(subject, 3);
    await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> probe.applied(id) == 1));
    double before = republished();

    redis.key().del(config.stream());

    await().atMost(PATIENCE).until(() -> republished() >= before + ids.size());
    await().atMost(PATIENCE).until(() -> onStream(subject) == ids.size());
    ids.forEach(id -> assertEquals(1, probe.applied(id)));
  }

  @Test
  void trimmingKeepsWhatAGroupHasNotAcknowledged() throws Exception {
    String held = "trim-held-" + UUID.randomUUID();
    probe.hold(held);
    List<UUID> waiting = append(held, 3);
    await().atMost(PATIENCE).until(() -> waiting.stream().allMatch(id -> probe.attempts(id) >= 1));

    // Trim with no retention at all: only what the groups still need may stay.
    String cut = trimmer.trim(Duration.ZERO).await().atMost(Duration.ofSeconds(10));
    assertEquals(
        waiting.size(), onStream(held), "pending entries survive trimming (cut " + cut + ")");

    probe.release(held);
    await().atMost(PATIENCE).until(() -> waiting.stream().allMatch(id -> probe.applied(id) == 1));
  }

  @Test
  void processedEventIdsArePrunedAfterTheirRetention() throws Exception {
    UUID old = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    Instant now = Instant.now();
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into processed_events (consumer_group, event_id, processed_at)"
                    + " values (?, ?, ?)")) {
      for (Object[] row :
          List.of(
              new Object[] {
                old, now.minus(config.consumer().processedRetention()).minusSeconds(60)
              },
              new Object[] {recent, now.minus(Duration.ofDays(1))})) {
        insert.setString(1, config.consumer().group());
        insert.setObject(2, row[0]);
        insert.setObject(3, java.sql.Timestamp.from((Instant) row[1]));
        insert.executeUpdate();
      }
    }

    int pruned = consumer.pruneProcessed().await().atMost(Duration.ofSeconds(10));

    assertTrue(pruned >= 1);
    assertEquals(0, processedRows(old));
    assertEquals(1, processedRows(recent));
  }

  private List<UUID> append(String subject, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(
          UUID.fromString(
              given()
                  .queryParam("subject", subject)
                  .queryParam("fail", false)
                  .post("/test-support/events")
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString()));
    }
    return ids;
  }

  private long onStream(String subject) {
    return redis.stream(String.class).xrange(config.stream(), StreamRange.of("-", "+")).stream()
        .map(entry -> entry.payload().get("event"))
        .filter(payload -> payload != null && payload.contains(subject))
        .count();
  }

  /** Everything on the stream delivered to this service's group and acknowledged. */
  private boolean groupCaughtUp() {
    return groups.of(config.stream()).await().atMost(Duration.ofSeconds(5)).stream()
        .anyMatch(
            group ->
                group.name().equals(config.consumer().group())
                    && group.pending() == 0
                    && group.lag() == 0);
  }

  private double republished() {
    return registry.counter("spaceduck.outbox.republished").count();
  }

  private static int processedRows(UUID id) throws Exception {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement("select count(*) from processed_events where event_id = ?")) {
      query.setObject(1, id);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
