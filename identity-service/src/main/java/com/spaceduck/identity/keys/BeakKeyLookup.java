package com.spaceduck.identity.keys;

import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.platform.contracts.TrustTier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The hot path of Beak Key authentication, on the reactive SQL client without an ORM session: one
 * prepared, indexed lookup by hash per request, and a {@code last_used_at} write at most once per
 * {@code spaceduck.identity.keys.last-used-resolution} per key.
 */
@ApplicationScoped
public class BeakKeyLookup {

  private static final Logger LOG = Logger.getLogger(BeakKeyLookup.class);

  private static final String FIND =
      "select id, duckling_id, tier, expires_at, revoked_at is not null, last_used_at"
          + " from beak_keys where key_hash = $1";

  private static final String TOUCH =
      "update beak_keys set last_used_at = $2 where id = $1"
          + " and (last_used_at is null or last_used_at < $3)";

  private final Pool pool;
  private final Duration resolution;

  public BeakKeyLookup(Pool pool, IdentityConfig config) {
    this.pool = pool;
    this.resolution = config.keys().lastUsedResolution();
  }

  /** What authentication needs to know about a key and its owner. */
  public record KeyOwner(
      UUID keyId,
      UUID ducklingId,
      TrustTier tier,
      Instant expiresAt,
      boolean revoked,
      Instant lastUsedAt) {}

  /** The key with this hash, or {@code null}. */
  public Uni<KeyOwner> find(String hash) {
    return pool.preparedQuery(FIND).execute(Tuple.of(hash)).map(BeakKeyLookup::first);
  }

  /** Records use, unless it was recorded recently; never fails the request it serves. */
  public Uni<Void> touch(KeyOwner key, Instant now) {
    if (key.lastUsedAt() != null && key.lastUsedAt().isAfter(now.minus(resolution))) {
      return Uni.createFrom().voidItem();
    }
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    return pool.preparedQuery(TOUCH)
        .execute(Tuple.of(key.keyId(), at, at.minus(resolution)))
        .replaceWithVoid()
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.debugf("Could not record the use of key %s: %s", key.keyId(), failure);
              return Uni.createFrom().voidItem();
            });
  }

  private static KeyOwner first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return null;
    }
    Row row = rows.iterator().next();
    OffsetDateTime lastUsed = row.getOffsetDateTime(5);
    return new KeyOwner(
        row.getUUID(0),
        row.getUUID(1),
        TrustTier.valueOf(row.getString(2)),
        row.getOffsetDateTime(3).toInstant(),
        row.getBoolean(4),
        lastUsed == null ? null : lastUsed.toInstant());
  }
}
