package com.spaceduck.sync.venues;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A DuckHub venue and the duckling that owns it. */
@Entity
@Table(name = "venues")
public class Venue {

  @Id
  @Column(name = "venue_id")
  public UUID venueId;

  @Column(name = "owner_id", nullable = false)
  public UUID ownerId;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String timezone;

  public String currency;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
