package com.spaceduck.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to the Redis Stream, oldest first, then marks them published, all inside
 * one database transaction that holds the rows' locks ({@code FOR UPDATE SKIP LOCKED}, so several
 * instances share the work). If Redis or the database fails midway nothing is marked, and the rows
 * go out again on the next run: delivery is at least once, and consumers are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private static final String SELECT_BATCH =
      "select id, payload from event_outbox where published_at is null"
          + " order by created_at, id limit $1 for update skip locked";
  private static final String MARK_PUBLISHED =
      "update event_outbox set published_at = $1 where id = any($2)";
  private static final String DELETE_OLD = "delete from event_outbox where published_at < $1";

  private final Pool db;
  private final Redis redis;
  private final EventsConfig config;
  private final Clock clock;
  private final Counter published;
  private final PeriodicTask task;

  public OutboxRelay(
      Pool db, Redis redis, EventsConfig config, Clock clock, MeterRegistry registry, Vertx vertx) {
    this.db = db;
    this.redis = redis;
    this.config = config;
    this.clock = clock;
    this.published = registry.counter("spaceduck.outbox.published");
    this.task =
        new PeriodicTask(vertx, "Outbox relay", config.relay().interval(), this::publishPending);
  }

  void start(@Observes StartupEvent startup) {
    if (config.relay().enabled()) {
      task.start();
    }
  }

  void stop(@Observes ShutdownEvent shutdown) {
    task.stop();
  }

  /** Publishes batches until none is full; the number of events published. */
  public Uni<Integer> publishPending() {
    return publishBatch()
        .chain(
            count ->
                count < config.relay().batchSize()
                    ? Uni.createFrom().item(count)
                    : publishPending().map(more -> count + more));
  }

  private Uni<Integer> publishBatch() {
    return db.withTransaction(
        connection ->
            connection
                .preparedQuery(SELECT_BATCH)
                .execute(Tuple.of(config.relay().batchSize()))
                .chain(
                    rows -> {
                      List<UUID> ids = new ArrayList<>();
                      List<Request> commands = new ArrayList<>();
                      for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                        commands.add(xadd(row.getString("payload")));
                      }
                      if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                      }
                      return redis
                          .batch(commands)
                          .chain(() -> markPublished(connection, ids))
                          .invoke(() -> published.increment(ids.size()))
                          .replaceWith(ids.size());
                    }));
  }

  private Request xadd(String payload) {
    return Request.cmd(Command.XADD)
        .arg(config.stream())
        .arg("MAXLEN")
        .arg("~")
        .arg(config.streamMaxLength())
        .arg("*")
        .arg("event")
        .arg(payload);
  }

  private Uni<Void> markPublished(SqlConnection connection, List<UUID> ids) {
    return connection
        .preparedQuery(MARK_PUBLISHED)
        .execute(Tuple.of(now(), ids.toArray(new UUID[0])))
        .replaceWithVoid();
  }

  /** Deletes rows published longer ago than the retention. */
  @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = RelayDisabled.class)
  Uni<Void> pruneOld() {
    OffsetDateTime cutoff = now().minus(config.relay().retention());
    return db.preparedQuery(DELETE_OLD)
        .execute(Tuple.of(cutoff))
        .onFailure()
        .invoke(e -> LOG.warnf("Could not prune the outbox: %s", e.getMessage()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Skips the relay's runs where {@code spaceduck.events.relay.enabled=false}. */
  @ApplicationScoped
  public static class RelayDisabled implements Scheduled.SkipPredicate {

    private final EventsConfig config;

    public RelayDisabled(EventsConfig config) {
      this.config = config;
    }

    @Override
    public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
      return !config.relay().enabled();
    }
  }
}
