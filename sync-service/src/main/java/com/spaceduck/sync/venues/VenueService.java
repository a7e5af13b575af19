package com.spaceduck.sync.venues;

import com.spaceduck.platform.sql.InTransaction;
import com.spaceduck.sync.DuckHubProblems;
import com.spaceduck.sync.Ids;
import com.spaceduck.sync.Owner;
import com.spaceduck.sync.SyncConfig;
import com.spaceduck.sync.validation.TimeZoneId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** Venues of an owner. Every lookup is scoped to the owner: another's venue is not found. */
@ApplicationScoped
public class VenueService {

  private final VenueRepository venues;
  private final SyncConfig config;
  private final Clock clock;

  public VenueService(VenueRepository venues, SyncConfig config, Clock clock) {
    this.venues = venues;
    this.config = config;
    this.clock = clock;
  }

  @InTransaction
  public Uni<VenueResponse> create(Owner owner, CreateVenueRequest request) {
    Venue venue = new Venue();
    venue.venueId = UUID.randomUUID();
    venue.ownerId = owner.ducklingId();
    venue.name = request.name().strip();
    venue.timezone = zone(request.timezone());
    venue.currency = request.currency();
    venue.createdAt = clock.instant();
    int limit = config.maxVenuesPerOwner();
    return venues
        .lockOwner(owner.ducklingId())
        .chain(() -> venues.countOwnedBy(owner.ducklingId()))
        .chain(
            count -> {
              if (count >= limit) {
                return Uni.createFrom().failure(DuckHubProblems.venueLimitReached(limit));
              }
              return venues.insert(venue);
            })
        .map(VenueResponse::of);
  }

  public Uni<VenueListResponse> list(Owner owner) {
    return venues
        .ownedBy(owner.ducklingId())
        .map(list -> new VenueListResponse(list.stream().map(VenueResponse::of).toList()));
  }

  public Uni<VenueResponse> get(Owner owner, String venueId) {
    return owned(owner, venueId).map(VenueResponse::of);
  }

  /**
   * The owner's venue with this id (in the caller's transaction, if any); fails with {@code
   * venue_not_found} when it is someone else's, missing, or the id is malformed.
   */
  public Uni<Venue> owned(Owner owner, String venueId) {
    UUID id = Ids.parse(venueId);
    if (id == null) {
      return Uni.createFrom().failure(DuckHubProblems.venueNotFound());
    }
    return venues
        .owned(owner.ducklingId(), id)
        .onItem()
        .ifNull()
        .failWith(DuckHubProblems::venueNotFound);
  }

  /** UTC when absent; the request's constraints made sure it names a region otherwise. */
  private static String zone(String timezone) {
    if (timezone == null || timezone.isBlank()) {
      return "UTC";
    }
    return TimeZoneId.Validator.region(timezone).orElseThrow().getId();
  }
}
