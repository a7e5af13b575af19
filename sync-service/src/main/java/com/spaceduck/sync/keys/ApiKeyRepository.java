package com.spaceduck.sync.keys;

import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code venue_api_keys} table. The two statements on the request path of every
 * key-authenticated call (lookup on a cache miss, and the at-most-once-a-minute usage stamp) are
 * single prepared statements on the pool.
 */
@ApplicationScoped
public class ApiKeyRepository {

  private static final String COLUMNS =
      "venue_id, key_hash, prefix, created_at, last_used_at, last_user_agent";
  private static final String BY_VENUE =
      "select " + COLUMNS + " from venue_api_keys where venue_id = $1";
  private static final String INSERT =
      "insert into venue_api_keys (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6)";
  private static final String REPLACE =
      "update venue_api_keys set key_hash = $2, prefix = $3, created_at = $4,"
          + " last_used_at = $5, last_user_agent = $6 where venue_id = $1";
  private static final String DELETE = "delete from venue_api_keys where venue_id = $1";
  private static final String USAGE =
      "select venue_id, last_used_at, last_user_agent from venue_api_keys where key_hash = $1";
  private static final String TOUCH =
      "update venue_api_keys set last_used_at = $2, last_user_agent = $3 where key_hash = $1";

  private final Database database;

  public ApiKeyRepository(Database database) {
    this.database = database;
  }

  /** A current key's venue and last use. */
  public record Usage(UUID venueId, Instant lastUsedAt, String lastUserAgent) {}

  /** The venue's key, or null. */
  public Uni<ApiKey> findById(UUID venueId) {
    return database.first(BY_VENUE, Tuple.of(venueId), ApiKeyRepository::apiKey);
  }

  /** Stores the venue's first key; the key itself. */
  public Uni<ApiKey> insert(ApiKey key) {
    return database.update(INSERT, values(key)).replaceWith(key);
  }

  /** Writes every field of the venue's stored key (a regeneration); the key itself. */
  public Uni<ApiKey> replace(ApiKey key) {
    return database.update(REPLACE, values(key)).replaceWith(key);
  }

  /** Removes the venue's key. */
  public Uni<Void> delete(ApiKey key) {
    return database.update(DELETE, Tuple.of(key.venueId)).replaceWithVoid();
  }

  /** The venue and last use of the current key with this hash, or null. */
  public Uni<Usage> usage(String keyHash) {
    return database.first(
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
    return database
        .update(TOUCH, Tuple.of(keyHash, Rows.timestamptz(at), userAgent))
        .replaceWithVoid();
  }

  private static Tuple values(ApiKey key) {
    return Tuple.of(
        key.venueId,
        key.keyHash,
        key.prefix,
        Rows.timestamptz(key.createdAt),
        Rows.timestamptz(key.lastUsedAt),
        key.lastUserAgent);
  }

  private static ApiKey apiKey(Row row) {
    ApiKey key = new ApiKey();
    key.venueId = row.getUUID("venue_id");
    key.keyHash = row.getString("key_hash");
    key.prefix = row.getString("prefix");
    key.createdAt = Rows.instant(row, "created_at");
    key.lastUsedAt = Rows.instant(row, "last_used_at");
    key.lastUserAgent = row.getString("last_user_agent");
    return key;
  }
}
