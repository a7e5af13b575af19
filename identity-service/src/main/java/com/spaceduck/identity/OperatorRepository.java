package com.spaceduck.identity;

import com.spaceduck.platform.events.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * {@code operators}, read only: an SRE fills it with {@code grant_operator(...)}. On the reactive
 * SQL client because operator endpoints ask on every request, inside or outside an ORM session.
 */
@ApplicationScoped
public class OperatorRepository {

  private static final String IS_OPERATOR =
      "select exists (select 1 from operators where duckling_id = $1)";

  private final Pool pool;

  public OperatorRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<Boolean> isOperator(UUID ducklingId) {
    return Rows.first(pool, IS_OPERATOR, Tuple.of(ducklingId), row -> row.getBoolean(0));
  }
}
