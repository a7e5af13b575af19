package com.spaceduck.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to the Redis Stream, oldest first, then marks them published, all inside
 * one database transaction that holds the rows' locks ({@code FOR UPDATE SKIP LOCKED}, so several
 * instances share the work). If Redis or the database fails midway nothing is marked, and the rows
 * go out again on the next run: delivery is at least once, and consumers are idempotent.
 *
 * <p>Losing the stream is noticed and repaired: the relay keeps in PostgreSQL the id of an entry it
 * published, and checks in the same {@code MULTI} as every publication (and on every timer run)
 * that the stream still holds it. When it does not — Redis restarted without persistence, the
 * stream was deleted or trimmed — every row still in the outbox is published again.
 *
 * <p>A committed row wakes the relay at once through PostgreSQL {@code LISTEN/NOTIFY}; a timer
 * ({@code spaceduck.events.relay.interval}) covers a notification lost while the listening
 * connection was down.
 */
@ApplicationScoped
public class OutboxRelay {

  static final String CHANNEL = "spaceduck_event_outbox";

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private static final String SELECT_BATCH =
      "select id, payload from event_outbox where published_at is null"
          + " order by created_at, id limit $1 for update skip locked";
  private static final String MARK_PUBLISHED =
      "update event_outbox set published_at = $1 where id = any($2)";
  private static final String LAST_ENTRY =
      "select last_entry_id from event_relay_state where stream = $1";
  private static final String SAVE_LAST_ENTRY =
      "insert into event_relay_state (stream, last_entry_id, updated_at) values ($1, $2, $3)"
          + " on conflict (stream) do update"
          + " set last_entry_id = excluded.last_entry_id, updated_at = excluded.updated_at";
  private static final String FORGET_LAST_ENTRY = "delete from event_relay_state where stream = $1";
  private static final String PUBLISH_AGAIN =
      "update event_outbox set published_at = null where published_at is not null";
  private static final String BACKLOG =
      "select count(*) as rows, min(created_at) as oldest from event_outbox"
          + " where published_at is null";
  private static final String DELETE_OLD =
      "delete from event_outbox where created_at < $1 and published_at is not null";

  private final Pool db;
  private final Redis redis;
  private final EventsConfig config;
  private final Clock clock;
  private final Counter published;
  private final Counter republished;
  private final Counter streamLosses;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicReference<Instant> oldestUnpublished = new AtomicReference<>();
  private final PeriodicTask task;
  private volatile boolean listening;
  private volatile boolean stopped;

  public OutboxRelay(
      Pool db, Redis redis, EventsConfig config, Clock clock, MeterRegistry registry, Vertx vertx) {
    this.db = db;
    this.redis = redis;
    this.config = config;
    this.clock = clock;
    this.published = registry.counter("spaceduck.outbox.published");
    this.republished =
        Counter.builder("spaceduck.outbox.republished")
            .description("Outbox rows queued to be published again after the stream lost them")
            .register(registry);
    this.streamLosses =
        Counter.builder("spaceduck.events.stream.losses")
            .description("Times the stream no longer held an entry this relay had published")
            .register(registry);
    Gauge.builder("spaceduck.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox rows not yet published")
        .register(registry);
    Gauge.builder("spaceduck.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
        .description("Age of the oldest unpublished outbox row, 0 when there is none")
        .baseUnit("seconds")
        .register(registry);
    this.task = new PeriodicTask(vertx, "Outbox relay", config.relay().interval(), this::run);
  }

  void start(@Observes StartupEvent startup) {
    if (config.relay().enabled()) {
      task.start();
      listen();
      task.trigger();
    }
  }

  void stop(@Observes ShutdownEvent shutdown) {
    stopped = true;
    task.stop();
  }

  /** Runs the relay now (or right after the run in progress). */
  public void wake() {
    task.trigger();
  }

  private Uni<Integer> run() {
    if (!listening) {
      listen();
    }
    return publishPending().call(this::refreshBacklog);
  }

  /** Publishes batches until none is full; the number of stream entries written. */
  public Uni<Integer> publishPending() {
    return publishBatch()
        .chain(
            batch ->
                batch.published() < config.relay().batchSize() && !batch.lost()
                    ? Uni.createFrom().item(batch.published())
                    : publishPending().map(more -> batch.published() + more));
  }

  private record Batch(int published, boolean lost) {}

  private Uni<Batch> publishBatch() {
    return db.withTransaction(
        connection ->
            connection
                .preparedQuery(SELECT_BATCH)
                .execute(Tuple.of(config.relay().batchSize()))
                .chain(
                    rows -> lastEntry(connection).chain(last -> publish(connection, rows, last))));
  }

  private Uni<String> lastEntry(SqlConnection connection) {
    return Rows.first(connection, LAST_ENTRY, Tuple.of(config.stream()), row -> row.getString(0));
  }

  /**
   * One {@code MULTI}: check that the stream still holds {@code last}, and add the rows. Checking
   * and adding atomically means no loss can slip in between: either the check sees it, or the new
   * entries land in the stream the check saw.
   */
  private Uni<Batch> publish(SqlConnection connection, Iterable<Row> rows, String last) {
    List<UUID> ids = new ArrayList<>();
    List<Request> commands = new ArrayList<>();
    commands.add(Request.cmd(Command.MULTI));
    if (last != null) {
      commands.add(Request.cmd(Command.XRANGE).arg(config.stream()).arg(last).arg(last));
    }
    for (Row row : rows) {
      ids.add(row.getUUID("id"));
      commands.add(
          Request.cmd(Command.XADD)
              .arg(config.stream())
              .arg("*")
              .arg("event")
              .arg(row.getString("payload")));
    }
    if (ids.isEmpty() && last == null) {
      return Uni.createFrom().item(new Batch(0, false));
    }
    commands.add(Request.cmd(Command.EXEC));
    return redis
        .batch(commands)
        .chain(
            replies -> {
              Response exec = replies.get(replies.size() - 1);
              boolean lost = last != null && exec.get(0).size() == 0;
              String newest = ids.isEmpty() ? null : exec.get(exec.size() - 1).toString();
              Uni<Void> marked =
                  ids.isEmpty() ? Uni.createFrom().voidItem() : markPublished(connection, ids);
              return marked
                  .chain(
                      () ->
                          lost
                              ? publishAgain(connection)
                              : newest == null
                                  ? Uni.createFrom().voidItem()
                                  : saveLastEntry(connection, newest))
                  .invoke(() -> published.increment(ids.size()))
                  .replaceWith(new Batch(ids.size(), lost));
            });
  }

  private Uni<Void> markPublished(SqlConnection connection, List<UUID> ids) {
    return connection
        .preparedQuery(MARK_PUBLISHED)
        .execute(Tuple.of(now(), ids.toArray(new UUID[0])))
        .replaceWithVoid();
  }

  private Uni<Void> saveLastEntry(SqlConnection connection, String entryId) {
    return connection
        .preparedQuery(SAVE_LAST_ENTRY)
        .execute(Tuple.of(config.stream(), entryId, now()))
        .replaceWithVoid();
  }

  private Uni<Void> publishAgain(SqlConnection connection) {
    return connection
        .query(PUBLISH_AGAIN)
        .execute()
        .call(() -> connection.preparedQuery(FORGET_LAST_ENTRY).execute(Tuple.of(config.stream())))
        .invoke(
            result -> {
              streamLosses.increment();
              republished.increment(result.rowCount());
              LOG.warnf(
                  "The stream %s no longer holds what this service published (Redis lost data or"
                      + " the stream was deleted or trimmed); publishing the %d retained outbox"
                      + " rows again",
                  config.stream(), result.rowCount());
            })
        .replaceWithVoid();
  }

  private Uni<Void> refreshBacklog() {
    return db.query(BACKLOG)
        .execute()
        .invoke(
            rows -> {
              Row row = rows.iterator().next();
              backlog.set(row.getLong("rows"));
              oldestUnpublished.set(Rows.instant(row, "oldest"));
            })
        .replaceWithVoid();
  }

  private double oldestAgeSeconds() {
    Instant oldest = oldestUnpublished.get();
    return oldest == null
        ? 0
        : Math.max(0, Duration.between(oldest, clock.instant()).toMillis()) / 1000.0;
  }

  /**
   * Holds one pooled connection that {@code LISTEN}s for committed outbox rows. When it closes (the
   * database restarted, say), the next timer run listens again.
   */
  private void listen() {
    if (stopped || listening) {
      return;
    }
    listening = true;
    db.getConnection()
        .subscribe()
        .with(
            connection -> {
              PgConnection pg = PgConnection.cast(connection.getDelegate());
              pg.notificationHandler(notification -> task.trigger());
              pg.closeHandler(closed -> listening = false);
              connection
                  .query("LISTEN " + CHANNEL)
                  .execute()
                  .subscribe()
                  .with(
                      ok -> {},
                      failure -> {
                        listening = false;
                        connection.closeAndForget();
                      });
            },
            failure -> listening = false);
  }

  /** Deletes rows written longer ago than the retention that have been published. */
  @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = RelayDisabled.class)
  public Uni<Void> pruneOld() {
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
