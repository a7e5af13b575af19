package com.spaceduck.identity.keys;

import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code beak_keys}. Authentication's two statements ({@link #findOwner}, {@link #touch}) are on
 * every Beak Key request: one indexed lookup, and a write at most once per resolution.
 */
@ApplicationScoped
public class BeakKeyRepository {

  static final int LIST_LIMIT = 100;

  private static final String COLUMNS =
      "id, duckling_id, name, prefix, key_hash, tier, created_at, expires_at, last_used_at,"
          + " revoked_at";

  private static final String FIND_OWNER =
      "select id, duckling_id, tier, expires_at, revoked_at is not null, last_used_at"
          + " from beak_keys where key_hash = $1";

  private static final String TOUCH =
      "update beak_keys set last_used_at = $2 where id = $1"
          + " and (last_used_at is null or last_used_at < $3)";

  private static final String LIST_OWNED =
      "select "
          + COLUMNS
          + " from beak_keys where duckling_id = $1 and revoked_at is null"
          + " order by created_at desc limit $2";

  private static final String COUNT_ACTIVE =
      "select count(*) from beak_keys"
          + " where duckling_id = $1 and revoked_at is null and expires_at > $2";

  private static final String INSERT =
      "insert into beak_keys (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

  private static final String REVOKE_OWNED =
      "update beak_keys set revoked_at = $3"
          + " where id = $1 and duckling_id = $2 and revoked_at is null";

  private final Database database;

  public BeakKeyRepository(Database database) {
    this.database = database;
  }

  /** What authentication needs to know about a key and its owner. */
  public record KeyOwner(
      UUID keyId,
      UUID ducklingId,
      TrustTier tier,
      Instant expiresAt,
      boolean revoked,
      Instant lastUsedAt) {}

  /** The key with this hash, or {@code null}: one prepared, indexed lookup, on the pool. */
  public Uni<KeyOwner> findOwner(String hash) {
    return Rows.first(database.pool(), FIND_OWNER, Tuple.of(hash), BeakKeyRepository::owner);
  }

  /** Sets {@code last_used_at} to {@code at} unless it is already {@code since} or later. */
  public Uni<Void> touch(UUID keyId, Instant at, Instant since) {
    return database
        .pool()
        .preparedQuery(TOUCH)
        .execute(Tuple.of(keyId, Rows.timestamptz(at), Rows.timestamptz(since)))
        .replaceWithVoid();
  }

  /** Unrevoked keys of a duckling, newest first (expired ones too, until revoked). */
  public Uni<List<BeakKey>> listOwned(UUID ducklingId) {
    return database.list(LIST_OWNED, Tuple.of(ducklingId, LIST_LIMIT), BeakKeyRepository::key);
  }

  public Uni<Long> countActive(UUID ducklingId, Instant now) {
    return database.count(COUNT_ACTIVE, Tuple.of(ducklingId, Rows.timestamptz(now)));
  }

  public Uni<Void> insert(BeakKey key) {
    return database
        .update(
            INSERT,
            Tuple.from(
                new Object[] {
                  key.id,
                  key.ducklingId,
                  key.name,
                  key.prefix,
                  key.keyHash,
                  key.tier.name(),
                  Rows.timestamptz(key.createdAt),
                  Rows.timestamptz(key.expiresAt),
                  Rows.timestamptz(key.lastUsedAt),
                  Rows.timestamptz(key.revokedAt)
                }))
        .replaceWithVoid();
  }

  /**
   * Revokes an unrevoked key of this duckling at {@code at}; false when there is none (also for
   * another duckling's key, or one revoked meanwhile).
   */
  public Uni<Boolean> revokeOwned(UUID keyId, UUID ducklingId, Instant at) {
    return database
        .update(REVOKE_OWNED, Tuple.of(keyId, ducklingId, Rows.timestamptz(at)))
        .map(count -> count > 0);
  }

  private static KeyOwner owner(Row row) {
    return new KeyOwner(
        row.getUUID(0),
        row.getUUID(1),
        TrustTier.valueOf(row.getString(2)),
        row.getOffsetDateTime(3).toInstant(),
        row.getBoolean(4),
        Rows.instant(row, 5));
  }

  private static BeakKey key(Row row) {
    BeakKey key = new BeakKey();
    key.id = row.getUUID("id");
    key.ducklingId = row.getUUID("duckling_id");
    key.name = row.getString("name");
    key.prefix = row.getString("prefix");
    key.keyHash = row.getString("key_hash");
    key.tier = TrustTier.valueOf(row.getString("tier"));
    key.createdAt = Rows.instant(row, "created_at");
    key.expiresAt = Rows.instant(row, "expires_at");
    key.lastUsedAt = Rows.instant(row, "last_used_at");
    key.revokedAt = Rows.instant(row, "revoked_at");
    return key;
  }
}
