package com.spaceduck.sync.keys;

import com.spaceduck.platform.events.Rows;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Venue API keys. Management goes through Panache; the two statements on the request path of every
 * key-authenticated call (lookup on a cache miss, and the at-most-once-a-minute usage stamp) run as
 * prepared statements straight on the reactive pool, with no Hibernate session to open and close.
 */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

  private static final String USAGE =
      "select venue_id, last_used_at, last_user_agent from venue_api_keys where key_hash = $1";
  private static final String TOUCH =
      "update venue_api_keys set last_used_at = $2, last_user_agent = $3 where key_hash = $1";

  private final Pool pool;

  public ApiKeyRepository(Pool pool) {
    this.pool = pool;
  }

  /** A current key's venue and last use. */
  public record Usage(UUID venueId, Instant lastUsedAt, String lastUserAgent) {}

  /** The venue and last use of the current key with this hash, or null. */
  public Uni<Usage> usage(String keyHash) {
    return Rows.first(
        pool,
        USAGE,
        Tuple.of(keyHash),
        row ->
            new Usage(
                row.getUUID("venue_id"),
                Rows.instant(row, "last_used_at"),
                row.getString("last_user_agent")));
  }

  /** Records when the key was last used and with which User-Agent. */
  public Uni<Void> touch(String keyHash, Instant at, String userAgent) {
    return pool.preparedQuery(TOUCH)
        .execute(Tuple.of(keyHash, at.atOffset(ZoneOffset.UTC), userAgent))
        .replaceWithVoid();
  }
}
