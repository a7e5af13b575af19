package com.spaceduck.platform.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Reading single rows straight from the reactive client, for the statements on a hot path that run
 * as prepared statements.
 */
public final class Rows {

  private Rows() {}

  /**
   * Runs a prepared statement on a pool or connection and maps its first row, or gives null when it
   * returns none.
   */
  public static <T> Uni<T> first(
      SqlClient client, String sql, Tuple arguments, Function<Row, T> mapper) {
    return client.preparedQuery(sql).execute(arguments).map(rows -> first(rows, mapper));
  }

  /** The first row mapped, or null when there is none. */
  public static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
    RowIterator<Row> it = rows.iterator();
    return it.hasNext() ? mapper.apply(it.next()) : null;
  }

  /** A {@code timestamptz} column as an instant, or null where the column is null. */
  public static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  /** An instant as a {@code timestamptz} argument (UTC), or null for null. */
  public static OffsetDateTime timestamptz(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A {@code timestamptz} column by position as an instant, or null where it is null. */
  public static Instant instant(Row row, int column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }
}
