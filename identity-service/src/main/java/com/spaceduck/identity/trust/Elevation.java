package com.spaceduck.identity.trust;

import com.spaceduck.platform.contracts.TrustTier;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A request for T2 or T3 awaiting (or past) an operator's decision. */
@Entity
@Table(name = "elevation_requests")
public class Elevation {

  @Id public UUID id;

  @Column(name = "duckling_id", nullable = false)
  public UUID ducklingId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_tier", nullable = false)
  public TrustTier fromTier;

  @Enumerated(EnumType.STRING)
  @Column(name = "target_tier", nullable = false)
  public TrustTier targetTier;

  @Convert(converter = ElevationStatus.Column.class)
  @Column(nullable = false)
  public ElevationStatus status;

  @Column(name = "legal_name")
  public String legalName;

  @Column(name = "postal_address")
  public String postalAddress;

  public String reason;

  @Column(name = "decided_by")
  public UUID decidedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
