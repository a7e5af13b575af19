package com.spaceduck.identity.trust;

import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The {@code elevation_requests} table. */
@ApplicationScoped
public class ElevationRepository {

  static final int LIST_LIMIT = 100;

  private static final ElevationStatus.Column STATUS = new ElevationStatus.Column();

  private static final String COLUMNS =
      "id, duckling_id, from_tier, target_tier, status, legal_name, postal_address, reason,"
          + " decided_by, decided_at, created_at";

  private static final String FIND_PENDING =
      "select " + COLUMNS + " from elevation_requests where duckling_id = $1 and status = $2";

  private static final String LOCK =
      "select " + COLUMNS + " from elevation_requests where id = $1 for update";

  private static final String LIST_BY_STATUS =
      "select "
          + COLUMNS
          + " from elevation_requests where status = $1 order by created_at limit "
          + LIST_LIMIT;

  private static final String INSERT =
      "insert into elevation_requests ("
          + COLUMNS
          + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

  private static final String DECIDE =
      "update elevation_requests set status = $2, decided_by = $3, decided_at = $4, reason = $5"
          + " where id = $1";

  private final Database database;

  public ElevationRepository(Database database) {
    this.database = database;
  }

  /** The duckling's pending request, or {@code null}. */
  public Uni<Elevation> findPending(UUID ducklingId) {
    return database.first(
        FIND_PENDING,
        Tuple.of(ducklingId, STATUS.toColumn(ElevationStatus.PENDING)),
        ElevationRepository::elevation);
  }

  /**
   * By id, locked until the current transaction ends ({@code for update}), or {@code null}: for a
   * decision.
   */
  public Uni<Elevation> lock(UUID id) {
    return database.first(LOCK, Tuple.of(id), ElevationRepository::elevation);
  }

  /** Oldest first: the queue operators work through. */
  public Uni<List<Elevation>> listByStatus(ElevationStatus status) {
    return database.list(
        LIST_BY_STATUS, Tuple.of(STATUS.toColumn(status)), ElevationRepository::elevation);
  }

  public Uni<Void> insert(Elevation elevation) {
    return database
        .update(
            INSERT,
            Tuple.from(
                new Object[] {
                  elevation.id,
                  elevation.ducklingId,
                  elevation.fromTier.name(),
                  elevation.targetTier.name(),
                  STATUS.toColumn(elevation.status),
                  elevation.legalName,
                  elevation.postalAddress,
                  elevation.reason,
                  elevation.decidedBy,
                  Rows.timestamptz(elevation.decidedAt),
                  Rows.timestamptz(elevation.createdAt)
                }))
        .replaceWithVoid();
  }

  /** Writes the decision the elevation holds: its status, who decided, when and why. */
  public Uni<Void> decide(Elevation elevation) {
    return database
        .update(
            DECIDE,
            Tuple.of(
                elevation.id,
                STATUS.toColumn(elevation.status),
                elevation.decidedBy,
                Rows.timestamptz(elevation.decidedAt),
                elevation.reason))
        .replaceWithVoid();
  }

  private static Elevation elevation(Row row) {
    Elevation elevation = new Elevation();
    elevation.id = row.getUUID("id");
    elevation.ducklingId = row.getUUID("duckling_id");
    elevation.fromTier = TrustTier.valueOf(row.getString("from_tier"));
    elevation.targetTier = TrustTier.valueOf(row.getString("target_tier"));
    elevation.status = STATUS.fromColumn(row.getString("status"));
    elevation.legalName = row.getString("legal_name");
    elevation.postalAddress = row.getString("postal_address");
    elevation.reason = row.getString("reason");
    elevation.decidedBy = row.getUUID("decided_by");
    elevation.decidedAt = Rows.instant(row, "decided_at");
    elevation.createdAt = Rows.instant(row, "created_at");
    return elevation;
  }
}
