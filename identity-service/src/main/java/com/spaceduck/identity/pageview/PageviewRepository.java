package com.spaceduck.identity.pageview;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code page_views}, written in multi-row batches on the reactive SQL client: views are never read
 * back by this service, so an ORM session would be pure cost.
 */
@ApplicationScoped
public class PageviewRepository {

  private static final String INSERT =
      "insert into page_views (page, referrer, viewed_at) values ($1, $2, $3)";

  private final Pool pool;

  public PageviewRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts the views as one batch of one prepared statement. */
  public Uni<Void> insert(List<PageviewBuffer.Pageview> views) {
    List<Tuple> rows =
        views.stream()
            .map(v -> Tuple.of(v.page(), v.referrer(), v.viewedAt().atOffset(ZoneOffset.UTC)))
            .toList();
    return pool.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
  }
}
