package com.spaceduck.platform.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Database} against a throw-away database on the local PostgreSQL. */
class DatabaseTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String INSERT = "insert into items (id) values ($1)";

  private static Vertx vertx;
  private static String name;
  private static Pool pool;
  private static Database database;

  @BeforeAll
  static void createDatabase() {
    vertx = Vertx.vertx();
    name = "sdtest_sql_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
    Pool admin = pool("postgres");
    admin.query("create database " + name).execute().await().atMost(WAIT);
    admin.close().await().atMost(WAIT);
    pool = pool(name);
    pool.query("create table items (id int primary key)").execute().await().atMost(WAIT);
    database = new Database(pool, vertx.getDelegate());
  }

  @AfterAll
  static void dropDatabase() {
    pool.close().await().atMost(WAIT);
    Pool admin = pool("postgres");
    admin.query("drop database if exists " + name + " with (force)").execute().await().atMost(WAIT);
    admin.close().await().atMost(WAIT);
    vertx.close().await().atMost(WAIT);
  }

  @BeforeEach
  void empty() {
    pool.query("delete from items").execute().await().atMost(WAIT);
  }

  @Test
  void aSucceedingTransactionCommitsEveryStatement() {
    database.inTransaction(() -> insert(1).chain(() -> insert(2))).await().atMost(WAIT);

    assertEquals(List.of(1, 2), ids());
  }

  @Test
  void aFailingTransactionLeavesNothing() {
    Uni<Object> failing =
        database.inTransaction(
            () -> insert(1).chain(() -> Uni.createFrom().failure(new IllegalStateException("no"))));

    assertThrows(IllegalStateException.class, () -> failing.await().atMost(WAIT));
    assertEquals(List.of(), ids());
  }

  @Test
  void aStatementAssembledBeforeTheTransactionRunsInsideIt() {
    Uni<Integer> insertOne = insert(1);

    Uni<Object> failing =
        database.inTransaction(
            () -> insertOne.chain(() -> Uni.createFrom().failure(new IllegalStateException("no"))));

    assertThrows(IllegalStateException.class, () -> failing.await().atMost(WAIT));
    assertEquals(List.of(), ids());
  }

  @Test
  void aNestedTransactionJoinsTheOuterOne() {
    Uni<Object> failing =
        database.inTransaction(
            () ->
                insert(1)
                    .chain(() -> database.inTransaction(() -> insert(2)))
                    .chain(() -> Uni.createFrom().failure(new IllegalStateException("no"))));

    assertThrows(IllegalStateException.class, () -> failing.await().atMost(WAIT));
    assertEquals(List.of(), ids());
  }

  @Test
  void statementsOfATransactionShareOneConnectionAndOthersDoNotSeeThemBeforeCommit() {
    List<Object> seen =
        database
            .inTransaction(
                () ->
                    insert(1)
                        .chain(() -> backend())
                        .chain(
                            first ->
                                backend()
                                    .chain(
                                        second ->
                                            outside()
                                                .map(
                                                    fromPool ->
                                                        List.<Object>of(first, second, fromPool)))))
            .await()
            .atMost(WAIT);

    assertEquals(seen.get(0), seen.get(1));
    assertEquals(0L, seen.get(2), "another connection saw the uncommitted row");
    assertEquals(List.of(1), ids());
  }

  @Test
  void transactionsOpenAtTheSameTimeUseTheirOwnConnections() {
    CompletableFuture<Void> bothOpen = new CompletableFuture<>();
    AtomicInteger open = new AtomicInteger();
    Supplier<Uni<Integer>> holdUntilBothOpen =
        () ->
            backend()
                .call(
                    pid -> {
                      if (open.incrementAndGet() == 2) {
                        bothOpen.complete(null);
                      }
                      return Uni.createFrom().completionStage(bothOpen);
                    });

    List<Integer> backends =
        Uni.combine()
            .all()
            .unis(
                database.inTransaction(holdUntilBothOpen),
                database.inTransaction(holdUntilBothOpen))
            .with((a, b) -> List.of(a, b))
            .await()
            .atMost(WAIT);

    assertNotEquals(backends.get(0), backends.get(1));
  }

  @Test
  void outsideATransactionEachStatementCommitsOnItsOwn() {
    Uni<Integer> duplicate = insert(1).chain(() -> insert(1));

    assertThrows(RuntimeException.class, () -> duplicate.await().atMost(WAIT));
    assertEquals(List.of(1), ids());
  }

  private Uni<Integer> insert(int id) {
    return database.update(INSERT, Tuple.of(id));
  }

  private Uni<Integer> backend() {
    return database.first("select pg_backend_pid()", Tuple.tuple(), row -> row.getInteger(0));
  }

  /** Rows counted on a connection of its own, outside any transaction. */
  private static Uni<Long> outside() {
    return pool.query("select count(*) from items")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static List<Integer> ids() {
    return database
        .list("select id from items order by id", Tuple.tuple(), row -> row.getInteger(0))
        .await()
        .atMost(WAIT);
  }

  private static Pool pool(String database) {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(env("PGHOST", "127.0.0.1"))
            .setPort(Integer.parseInt(env("PGPORT", "5432")))
            .setUser(env("PGUSER", "postgres"))
            .setPassword(env("PGPASSWORD", ""))
            .setDatabase(database);
    return PgPool.pool(vertx, options, new PoolOptions().setMaxSize(4));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
