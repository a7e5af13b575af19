package com.spaceduck.identity.keys;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BeakKeyRepository implements PanacheRepositoryBase<BeakKey, UUID> {

  static final int LIST_LIMIT = 100;

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
}
