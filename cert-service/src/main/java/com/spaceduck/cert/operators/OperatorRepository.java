package com.spaceduck.cert.operators;

import com.spaceduck.platform.contracts.OperatorChanged;
import com.spaceduck.platform.events.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** cert-service's copy of who operates (see {@code V3__operators.sql}). */
@ApplicationScoped
public class OperatorRepository {

  private static final String IS_OPERATOR = "select operator from operators where duckling_id = $1";

  /** Applies a change unless a newer one is already recorded (events may arrive out of order). */
  private static final String APPLY =
      "insert into operators (duckling_id, operator, changed_at) values (?1, ?2, ?3)"
          + " on conflict (duckling_id) do update"
          + " set operator = excluded.operator, changed_at = excluded.changed_at"
          + " where operators.changed_at < excluded.changed_at";

  private final Pool pool;

  public OperatorRepository(Pool pool) {
    this.pool = pool;
  }

  /** Whether identity-service last said this duckling operates. */
  public Uni<Boolean> isOperator(UUID ducklingId) {
    return Rows.first(pool, IS_OPERATOR, Tuple.of(ducklingId), row -> row.getBoolean(0))
        .map(Boolean.TRUE::equals);
  }

  /** Records the change within the event consumer's transaction. */
  public Uni<Void> apply(OperatorChanged change) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(APPLY)
                    .setParameter(1, change.ducklingId())
                    .setParameter(2, change.operator())
                    .setParameter(3, OffsetDateTime.ofInstant(change.changedAt(), ZoneOffset.UTC))
                    .executeUpdate())
        .replaceWithVoid();
  }
}
