package com.spaceduck.identity.trust;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ElevationRepository implements PanacheRepositoryBase<Elevation, UUID> {

  static final int LIST_LIMIT = 100;

  public Uni<Elevation> findPending(UUID ducklingId) {
    return find("ducklingId = ?1 and status = ?2", ducklingId, ElevationStatus.PENDING)
        .firstResult();
  }

  /** Oldest first: the queue operators work through. */
  public Uni<List<Elevation>> listByStatus(ElevationStatus status) {
    return find("status", Sort.ascending("createdAt"), status).page(Page.ofSize(LIST_LIMIT)).list();
  }
}
