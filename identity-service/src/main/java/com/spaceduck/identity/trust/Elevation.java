package com.spaceduck.identity.trust;

import com.spaceduck.platform.contracts.TrustTier;
import java.time.Instant;
import java.util.UUID;

/**
 * A request for T2 or T3 awaiting (or past) an operator's decision. A row of {@code
 * elevation_requests}.
 */
public class Elevation {

  public UUID id;

  public UUID ducklingId;

  public TrustTier fromTier;

  public TrustTier targetTier;

  public ElevationStatus status;

  public String legalName;

  public String postalAddress;

  public String reason;

  public UUID decidedBy;

  public Instant decidedAt;

  public Instant createdAt;
}
