package com.spaceduck.sync.venues;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VenueRepository implements PanacheRepositoryBase<Venue, UUID> {

  /** The venue when {@code owner} owns it, else null: someone else's venue does not exist. */
  public Uni<Venue> owned(UUID owner, UUID venueId) {
    return find("venueId = ?1 and ownerId = ?2", venueId, owner).firstResult();
  }

  /** The owner's venues, oldest first. */
  public Uni<List<Venue>> ownedBy(UUID owner) {
    return find("ownerId", Sort.by("createdAt").and("venueId"), owner).list();
  }

  public Uni<Long> countOwnedBy(UUID owner) {
    return count("ownerId", owner);
  }

  /**
   * Holds a transaction-scoped lock on the owner, so that two creations at once cannot both pass
   * the venue limit.
   */
  public Uni<Void> lockOwner(UUID owner) {
    return getSession()
        .chain(
            session ->
                session
                    .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, "venue-owner:" + owner)
                    .getSingleResult())
        .replaceWithVoid();
  }
}
