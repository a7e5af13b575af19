package com.spaceduck.identity.counts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

/** The four counts in one round trip (an aggregate query, so the plain reactive client). */
@ApplicationScoped
public class CountsRepository {

  private static final String COUNTS =
      "select (select count(*) from ducklings),"
          + " (select count(*) from ducklings where trust_tier in ('T2', 'T3')),"
          + " (select count(*) from agents where bonded_at is not null),"
          + " (select count(distinct email_domain) from ducklings)";

  private final Pool pool;

  public CountsRepository(Pool pool) {
    this.pool = pool;
  }

  /** What the public counts are made of. */
  public record Counts(long registered, long certified, long bonded, long domains) {}

  public Uni<Counts> counts() {
    return pool.query(COUNTS)
        .execute()
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return new Counts(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3));
            });
  }
}
