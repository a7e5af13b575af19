package com.spaceduck.sync.venues;

import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.sync.Currencies;
import com.spaceduck.sync.DuckHubProblems;
import com.spaceduck.sync.Ids;
import com.spaceduck.sync.Owner;
import com.spaceduck.sync.SyncConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

  @WithTransaction
  public Uni<VenueResponse> create(Owner owner, CreateVenueRequest request) {
    Venue venue = new Venue();
    venue.venueId = UUID.randomUUID();
    venue.ownerId = owner.ducklingId();
    venue.name = request.name().strip();
    venue.timezone = zone(request.timezone());
    venue.currency = currency(request.currency());
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
              return venues.persist(venue);
            })
        .map(VenueResponse::of);
  }

  @WithSession
  public Uni<VenueListResponse> list(Owner owner) {
    return venues
        .ownedBy(owner.ducklingId())
        .map(list -> new VenueListResponse(list.stream().map(VenueResponse::of).toList()));
  }

  @WithSession
  public Uni<VenueResponse> get(Owner owner, String venueId) {
    return owned(owner, venueId).map(VenueResponse::of);
  }

  /**
   * The owner's venue with this id, in the caller's session; fails with {@code venue_not_found}
   * when it is someone else's, missing, or the id is malformed.
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

  private static String zone(String timezone) {
    if (timezone == null || timezone.isBlank()) {
      return "UTC";
    }
    try {
      // Region ids only: "Europe/Berlin", "UTC"; offsets like "+02:00" name no venue's rules.
      ZoneId zone = ZoneId.of(timezone.strip());
      if (ZoneId.getAvailableZoneIds().contains(zone.getId())) {
        return zone.getId();
      }
    } catch (DateTimeException e) {
      // Reported below.
    }
    throw invalid("timezone", "must be an IANA time zone such as Europe/Berlin");
  }

  private static String currency(String code) {
    if (code == null) {
      return null;
    }
    if (!Currencies.known(code)) {
      throw invalid("currency", "must be an ISO 4217 code such as EUR");
    }
    return code;
  }

  private static ProblemException invalid(String field, String message) {
    List<FieldError> errors = new ArrayList<>();
    errors.add(new FieldError(field, message));
    return ProblemException.invalid("The request has invalid fields.", errors);
  }
}
