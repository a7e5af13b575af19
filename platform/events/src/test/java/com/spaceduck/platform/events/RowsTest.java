package com.spaceduck.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the local PostgreSQL; the statements read constant rows and touch no table. */
class RowsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ROWS =
      "select n, at from (values (1, timestamptz '2026-01-02T03:04:05Z'), (2, null),"
          + " (2, timestamptz '2026-02-03T04:05:06Z')) as v(n, at) where n >= $1 order by n, at nulls first";

  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    pool =
        PgPool.pool(
            vertx,
            new PgConnectOptions()
                .setHost("127.0.0.1")
                .setPort(5432)
                .setDatabase("postgres")
                .setUser("postgres"),
            new PoolOptions().setMaxSize(1));
  }

  @AfterAll
  static void close() {
    pool.closeAndAwait();
    vertx.closeAndAwait();
  }

  @Test
  void mapsOnlyTheFirstRow() {
    Integer first =
        Rows.first(pool, ROWS, Tuple.of(2), row -> row.getInteger("n")).await().atMost(WAIT);
    Instant at =
        Rows.first(pool, ROWS, Tuple.of(1), row -> Rows.instant(row, "at")).await().atMost(WAIT);

    assertEquals(2, first);
    assertEquals(Instant.parse("2026-01-02T03:04:05Z"), at);
  }

  @Test
  void givesNullWhenThereIsNoRowWithoutCallingTheMapper() {
    Object none =
        Rows.first(
                pool,
                ROWS,
                Tuple.of(3),
                row -> {
                  throw new AssertionError("no row to map");
                })
            .await()
            .atMost(WAIT);

    assertNull(none);
  }

  @Test
  void aNullTimestampIsANullInstant() {
    Instant byName =
        Rows.first(pool, ROWS, Tuple.of(2), row -> Rows.instant(row, "at")).await().atMost(WAIT);
    Instant byPosition =
        Rows.first(pool, ROWS, Tuple.of(2), row -> Rows.instant(row, 1)).await().atMost(WAIT);

    assertNull(byName);
    assertNull(byPosition);
  }
}
