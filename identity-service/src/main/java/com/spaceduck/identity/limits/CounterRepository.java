package com.spaceduck.identity.limits;

import com.spaceduck.platform.events.Rows;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Daily counters in PostgreSQL ({@code abuse_counters}), so every instance sees the same counts. A
 * counter is read under a row lock and changed in the same transaction, so concurrent requests
 * can't all pass one check: each hit is taken before the work it pays for.
 */
@ApplicationScoped
public class CounterRepository {

  /** Creates the row if missing and returns it, locked until the transaction ends. */
  private static final String LOCK =
      "insert into abuse_counters (scope, subject, day, hits) values ($1, $2, $3, 0)"
          + " on conflict (scope, subject, day) do update set hits = abuse_counters.hits"
          + " returning hits, pending, last_at";

  private static final String CHANGE =
      "update abuse_counters set hits = greatest(hits + $4, 0),"
          + " pending = greatest(pending + $5, 0), last_at = coalesce($6, last_at)"
          + " where scope = $1 and subject = $2 and day = $3";

  private static final String RESET =
      "update abuse_counters set hits = 0, pending = greatest(pending + $4, 0)"
          + " where scope = $1 and subject = $2 and day = $3";

  private static final String PURGE = "delete from abuse_counters where day < $1";

  private final Pool pool;
  private final Clock clock;

  public CounterRepository(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** One counter of one day. */
  public record Key(String scope, String subject, LocalDate day) {}

  /** A counter's value: hits today, attempts still in flight, and when the last hit was taken. */
  public record Count(int hits, int pending, Instant lastAt) {}

  /**
   * Takes one hit of {@code key} if {@code rule} allows it now; otherwise takes nothing and returns
   * when it will be allowed.
   */
  public Uni<Instant> take(Key key, Rule rule, Instant now) {
    return inTransaction(
        connection ->
            lock(connection, key)
                .flatMap(
                    count -> {
                      Instant refused = rule.refusedUntil(count.hits(), count.lastAt(), now);
                      if (refused != null) {
                        return Uni.createFrom().item(refused);
                      }
                      return add(connection, key, 1, now).replaceWith((Instant) null);
                    }));
  }

  /** Runs {@code work} in one transaction on one connection. */
  public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
    return pool.withTransaction(work);
  }

  /** The counter, created at zero if missing, locked until the transaction ends. */
  public Uni<Count> lock(SqlConnection connection, Key key) {
    return connection
        .preparedQuery(LOCK)
        .execute(Tuple.of(key.scope(), key.subject(), key.day()))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return new Count(row.getInteger(0), row.getInteger(1), Rows.instant(row, 2));
            });
  }

  /**
   * Adds {@code delta} hits (never below zero); {@code at}, when not null, becomes the last hit.
   */
  public Uni<Void> add(SqlConnection connection, Key key, int delta, Instant at) {
    return change(connection, key, delta, 0, at);
  }

  /**
   * Adds {@code hits} and {@code pending} (neither below zero); {@code at}, when not null, becomes
   * the last hit.
   */
  public Uni<Void> change(SqlConnection connection, Key key, int hits, int pending, Instant at) {
    return connection
        .preparedQuery(CHANGE)
        .execute(
            Tuple.tuple()
                .addString(key.scope())
                .addString(key.subject())
                .addLocalDate(key.day())
                .addInteger(hits)
                .addInteger(pending)
                .addOffsetDateTime(at == null ? null : at.atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  /** {@link #change} in a transaction of its own. */
  public Uni<Void> change(Key key, int hits, int pending, Instant at) {
    return inTransaction(connection -> change(connection, key, hits, pending, at));
  }

  /** Gives back a hit taken for something that turned out not to count. */
  public Uni<Void> giveBack(Key key) {
    return change(key, -1, 0, null);
  }

  /** Sets the hits to zero and adds {@code pending}. */
  public Uni<Void> reset(Key key, int pending) {
    return pool.preparedQuery(RESET)
        .execute(Tuple.of(key.scope(), key.subject(), key.day(), pending))
        .replaceWithVoid();
  }

  /** Counters of past days decide nothing any more; yesterday's is kept for inspection. */
  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> purge() {
    return pool.preparedQuery(PURGE)
        .execute(Tuple.of(Rule.day(clock.instant()).minusDays(1)))
        .replaceWithVoid();
  }
}
