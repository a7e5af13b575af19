package com.spaceduck.cert.operators;

import com.spaceduck.platform.contracts.OperatorChanged;
import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * cert-service's copy of who operates: the {@code operators} table (see {@code V3__operators.sql}).
 */
@ApplicationScoped
public class OperatorRepository {

  private static final String IS_OPERATOR = "select operator from operators where duckling_id = $1";

  /** Applies a change unless a newer one is already recorded (events may arrive out of order). */
  private static final String APPLY =
      "insert into operators (duckling_id, operator, changed_at) values ($1, $2, $3)"
          + " on conflict (duckling_id) do update"
          + " set operator = excluded.operator, changed_at = excluded.changed_at"
          + " where operators.changed_at < excluded.changed_at";

  private final Database database;

  public OperatorRepository(Database database) {
    this.database = database;
  }

  /** Whether identity-service last said this duckling operates. */
  public Uni<Boolean> isOperator(UUID ducklingId) {
    return database
        .first(IS_OPERATOR, Tuple.of(ducklingId), row -> row.getBoolean(0))
        .map(Boolean.TRUE::equals);
  }

  /** Records the change within the event consumer's transaction. */
  public Uni<Void> apply(OperatorChanged change) {
    return database
        .update(
            APPLY,
            Tuple.of(change.ducklingId(), change.operator(), Rows.timestamptz(change.changedAt())))
        .replaceWithVoid();
  }
}
