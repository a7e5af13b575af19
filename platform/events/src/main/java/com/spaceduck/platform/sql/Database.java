package com.spaceduck.platform.sql;

import com.spaceduck.platform.events.Rows;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The service's database through the reactive PostgreSQL client: statements and transactions.
 *
 * <p>{@link #inTransaction} (or {@link InTransaction} on a service method) takes one connection
 * from the pool, begins a transaction on it and keeps the connection in the Vert.x duplicated
 * context of the call. Every statement run through this class while the work runs on that context
 * goes to that connection and so belongs to the transaction; outside a transaction a statement goes
 * to the pool. The transaction commits when the work's {@code Uni} succeeds and rolls back when it
 * fails. A transaction started inside another one on the same context joins it.
 *
 * <p>Statements are prepared, and run when the returned {@code Uni} is subscribed, not when the
 * method is called: a repository method can be called while a service assembles its pipeline.
 */
@ApplicationScoped
public class Database {

  private static final String CONNECTION = Database.class.getName() + ".connection";

  private final Pool pool;
  private final Vertx vertx;

  public Database(Pool pool, Vertx vertx) {
    this.pool = pool;
    this.vertx = vertx;
  }

  /**
   * Runs {@code work} in a transaction: its statements share one connection, and commit together
   * when its {@code Uni} succeeds. Joins the transaction of the current context if there is one.
   */
  public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
    Context current = Vertx.currentContext();
    if (current != null && VertxContext.isDuplicatedContext(current)) {
      return Uni.createFrom().deferred(() -> onContext(current, work));
    }
    return onNewContext(() -> onContext(Vertx.currentContext(), work));
  }

  private <T> Uni<T> onContext(Context context, Supplier<Uni<T>> work) {
    if (context.getLocal(CONNECTION) != null) {
      return work.get();
    }
    return pool.withTransaction(
        connection -> {
          context.putLocal(CONNECTION, connection);
          return Uni.createFrom()
              .deferred(work::get)
              .onTermination()
              .invoke(() -> context.removeLocal(CONNECTION));
        });
  }

  /** Runs {@code work} on a new duplicated context, which holds no transaction yet. */
  private <T> Uni<T> onNewContext(Supplier<Uni<T>> work) {
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    return Uni.createFrom()
        .emitter(
            emitter ->
                context.runOnContext(
                    ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
  }

  /** The current transaction's connection, or the pool outside a transaction. */
  public SqlClient client() {
    Context current = Vertx.currentContext();
    if (current != null) {
      SqlConnection connection = current.getLocal(CONNECTION);
      if (connection != null) {
        return connection;
      }
    }
    return pool;
  }

  /**
   * The pool itself, for a read on a hot path that never runs inside a transaction (the public
   * certificate lookup, the Beak Key lookup): it skips looking up the current transaction, which
   * costs the context's local data map on every request.
   */
  public SqlClient pool() {
    return pool;
  }

  /** Runs a statement; its rows. */
  public Uni<RowSet<Row>> execute(String sql, Tuple arguments) {
    return Uni.createFrom().deferred(() -> client().preparedQuery(sql).execute(arguments));
  }

  /** Runs a statement without arguments; its rows. */
  public Uni<RowSet<Row>> execute(String sql) {
    return Uni.createFrom().deferred(() -> client().preparedQuery(sql).execute());
  }

  /** Runs a statement once per argument tuple, as one batch. */
  public Uni<RowSet<Row>> executeBatch(String sql, List<Tuple> batch) {
    return Uni.createFrom().deferred(() -> client().preparedQuery(sql).executeBatch(batch));
  }

  /** Runs an insert, update or delete; the number of rows it touched. */
  public Uni<Integer> update(String sql, Tuple arguments) {
    return execute(sql, arguments).map(RowSet::rowCount);
  }

  /** The first row of a query mapped, or null when it returns none. */
  public <T> Uni<T> first(String sql, Tuple arguments, Function<Row, T> mapper) {
    return execute(sql, arguments).map(rows -> Rows.first(rows, mapper));
  }

  /** Every row of a query mapped, in the query's order. */
  public <T> Uni<List<T>> list(String sql, Tuple arguments, Function<Row, T> mapper) {
    return execute(sql, arguments)
        .map(
            rows -> {
              List<T> mapped = new ArrayList<>(rows.size());
              for (Row row : rows) {
                mapped.add(mapper.apply(row));
              }
              return mapped;
            });
  }

  /** The first column of the first row as a long, for {@code count(*)} and the like. */
  public Uni<Long> count(String sql, Tuple arguments) {
    return first(sql, arguments, row -> row.getLong(0));
  }
}
