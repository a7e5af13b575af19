package com.spaceduck.identity.keys;

import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Rows;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * {@code beak_keys}. Management goes through the ORM session; authentication's two statements
 * ({@link #findOwner}, {@link #touch}) run on the reactive SQL client without a session, since they
 * are on every Beak Key request.
 */
@ApplicationScoped
public class BeakKeyRepository implements PanacheRepositoryBase<BeakKey, UUID> {

  static final int LIST_LIMIT = 100;

  private static final String FIND_OWNER =
      "select id, duckling_id, tier, expires_at, revoked_at is not null, last_used_at"
          + " from beak_keys where key_hash = $1";

  private static final String TOUCH =
      "update beak_keys set last_used_at = $2 where id = $1"
          + " and (last_used_at is null or last_used_at < $3)";

  private final Pool pool;

  public BeakKeyRepository(Pool pool) {
    this.pool = pool;
  }

  /** What authentication needs to know about a key and its owner. */
  public record KeyOwner(
      UUID keyId,
      UUID ducklingId,
      TrustTier tier,
      Instant expiresAt,
      boolean revoked,
      Instant lastUsedAt) {}

  /** The key with this hash, or {@code null}: one prepared, indexed lookup. */
  public Uni<KeyOwner> findOwner(String hash) {
    return Rows.first(pool, FIND_OWNER, Tuple.of(hash), BeakKeyRepository::owner);
  }

  /** Sets {@code last_used_at} to {@code at} unless it is already {@code since} or later. */
  public Uni<Void> touch(UUID keyId, Instant at, Instant since) {
    return pool.preparedQuery(TOUCH)
        .execute(Tuple.of(keyId, at.atOffset(ZoneOffset.UTC), since.atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  /** Unrevoked keys of a duckling, newest first (expired ones too, until revoked). */
  public Uni<List<BeakKey>> listOwned(UUID ducklingId) {
    return find("ducklingId = ?1 and revokedAt is null", Sort.descending("createdAt"), ducklingId)
        .page(Page.ofSize(LIST_LIMIT))
        .list();
  }

  public Uni<Long> countActive(UUID ducklingId, Instant now) {
    return count("ducklingId = ?1 and revokedAt is null and expiresAt > ?2", ducklingId, now);
  }

  /** An unrevoked key of this duckling, or {@code null} (also for another duckling's key). */
  public Uni<BeakKey> findOwned(UUID keyId, UUID ducklingId) {
    return find("id = ?1 and ducklingId = ?2 and revokedAt is null", keyId, ducklingId)
        .firstResult();
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
}
