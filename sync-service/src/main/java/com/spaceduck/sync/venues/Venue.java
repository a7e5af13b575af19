package com.spaceduck.sync.venues;

import java.time.Instant;
import java.util.UUID;

/** A DuckHub venue and the duckling that owns it: a row of the {@code venues} table. */
public class Venue {

  public UUID venueId;

  public UUID ownerId;

  public String name;

  public String timezone;

  public String currency;

  public Instant createdAt;
}
