package com.spaceduck.identity.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventCodec;
import com.spaceduck.platform.events.EventsConfig;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events move because something wakes the relay and the consumer, not because a timer comes round:
 * here the relay's timer runs once an hour and a blocking read waits up to a minute, so an event
 * can only arrive within the test's patience through the commit's {@code NOTIFY} and the blocking
 * read returning as soon as an entry lands.
 */
@QuarkusTest
@TestProfile(WakeUpTest.SlowTimers.class)
@WithTestResource(PostgresTestDatabase.class)
class WakeUpTest {

  /** Far shorter than the timers below; far longer than a wake-up takes on a loaded machine. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  public static class SlowTimers implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "spaceduck.events.relay.interval", "1h",
          "spaceduck.events.consumer.block", "60s");
    }
  }

  @Inject ProbeEvents probe;
  @Inject RedisDataSource redis;
  @Inject EventsConfig config;
  @Inject EventCodec codec;

  @Test
  void aCommittedRowIsPublishedWithoutWaitingForTheRelaysTimer() {
    for (int i = 0; i < 3; i++) {
      UUID id =
          UUID.fromString(
              given()
                  .queryParam("subject", "wake-" + UUID.randomUUID())
                  .queryParam("fail", false)
                  .post("/test-support/events")
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString());
      await().atMost(PATIENCE).until(() -> published(id));
      await().atMost(PATIENCE).until(() -> probe.applied(id) == 1);
    }
  }

  @Test
  void anEntryOnTheStreamIsConsumedWhileTheReadIsBlocked() {
    for (int i = 0; i < 3; i++) {
      var event =
          new Event<>(
              UUID.randomUUID(),
              ProbeEvents.Probe.TYPE.name(),
              Instant.now(),
              "blocked-read-" + i,
              new ProbeEvents.Probe(9),
              1);
      redis.stream(String.class).xadd(config.stream(), Map.of("event", codec.encode(event)));
      await().atMost(PATIENCE).until(() -> probe.applied(event.id()) == 1);
    }
  }

  private static boolean published(UUID id) throws Exception {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select 1 from event_outbox where id = ? and published_at is not null")) {
      query.setObject(1, id);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
