package com.spaceduck.sync.keys;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The venue whose API key authenticated the current request (set by {@link VenueKeyFilter}). */
@RequestScoped
public class KeyHolder {

  private UUID venueId;

  void authenticated(UUID venueId) {
    this.venueId = venueId;
  }

  /** The venue; only on resources marked {@link VenueKey}. */
  public UUID venueId() {
    if (venueId == null) {
      throw new IllegalStateException("No API key was checked for this request");
    }
    return venueId;
  }
}
