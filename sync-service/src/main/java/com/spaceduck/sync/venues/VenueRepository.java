package com.spaceduck.sync.venues;

import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The {@code venues} table. */
@ApplicationScoped
public class VenueRepository {

  private static final String COLUMNS = "venue_id, owner_id, name, timezone, currency, created_at";
  private static final String OWNED =
      "select " + COLUMNS + " from venues where venue_id = $1 and owner_id = $2";
  private static final String OWNED_BY =
      "select " + COLUMNS + " from venues where owner_id = $1 order by created_at, venue_id";
  private static final String COUNT_OWNED_BY = "select count(*) from venues where owner_id = $1";
  private static final String LOCK_OWNER = "select pg_advisory_xact_lock(hashtextextended($1, 0))";
  private static final String INSERT =
      "insert into venues (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6)";

  private final Database database;

  public VenueRepository(Database database) {
    this.database = database;
  }

  /** The venue when {@code owner} owns it, else null: someone else's venue does not exist. */
  public Uni<Venue> owned(UUID owner, UUID venueId) {
    return database.first(OWNED, Tuple.of(venueId, owner), VenueRepository::venue);
  }

  /** The owner's venues, oldest first. */
  public Uni<List<Venue>> ownedBy(UUID owner) {
    return database.list(OWNED_BY, Tuple.of(owner), VenueRepository::venue);
  }

  public Uni<Long> countOwnedBy(UUID owner) {
    return database.count(COUNT_OWNED_BY, Tuple.of(owner));
  }

  /**
   * Holds a transaction-scoped lock on the owner, so that two creations at once cannot both pass
   * the venue limit.
   */
  public Uni<Void> lockOwner(UUID owner) {
    return database.execute(LOCK_OWNER, Tuple.of("venue-owner:" + owner)).replaceWithVoid();
  }

  /** Stores a new venue; the venue itself. */
  public Uni<Venue> insert(Venue venue) {
    return database
        .update(
            INSERT,
            Tuple.of(
                venue.venueId,
                venue.ownerId,
                venue.name,
                venue.timezone,
                venue.currency,
                Rows.timestamptz(venue.createdAt)))
        .replaceWith(venue);
  }

  private static Venue venue(Row row) {
    Venue venue = new Venue();
    venue.venueId = row.getUUID("venue_id");
    venue.ownerId = row.getUUID("owner_id");
    venue.name = row.getString("name");
    venue.timezone = row.getString("timezone");
    venue.currency = row.getString("currency");
    venue.createdAt = Rows.instant(row, "created_at");
    return venue;
  }
}
