package com.spaceduck.sync.venues;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record VenueResponse(
    @Schema(examples = "5b7e9c1a-3d2f-4a6b-8c9d-0e1f2a3b4c5d") UUID venueId,
    @Schema(examples = "Pond Diner") String name,
    @Schema(examples = "Europe/Berlin") String timezone,
    @Schema(examples = "EUR") String currency,
    @Schema(examples = "2026-11-30T09:15:00Z") Instant createdAt) {

  static VenueResponse of(Venue venue) {
    return new VenueResponse(
        venue.venueId, venue.name, venue.timezone, venue.currency, venue.createdAt);
  }
}
