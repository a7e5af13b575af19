package com.spaceduck.sync.venues;

import java.time.Instant;
import java.util.UUID;

public record VenueResponse(
    UUID venueId, String name, String timezone, String currency, Instant createdAt) {

  static VenueResponse of(Venue venue) {
    return new VenueResponse(
        venue.venueId, venue.name, venue.timezone, venue.currency, venue.createdAt);
  }
}
