package com.spaceduck.cert;

import com.spaceduck.platform.contracts.TrustTier;
import java.time.Instant;
import java.util.UUID;

/**
 * One step in a certificate's tier history: issuance at T0, then every elevation applied. A row of
 * the {@code cert_tier_history} table.
 */
public class TierChange {

  public UUID id;

  public UUID certId;

  /** Null for the issuance row. */
  public TrustTier fromTier;

  public TrustTier toTier;

  /** The event that caused the change. */
  public UUID eventId;

  public Instant changedAt;

  public static TierChange of(
      UUID certId, TrustTier from, TrustTier to, UUID eventId, Instant changedAt) {
    TierChange change = new TierChange();
    change.id = UUID.randomUUID();
    change.certId = certId;
    change.fromTier = from;
    change.toTier = to;
    change.eventId = eventId;
    change.changedAt = changedAt;
    return change;
  }
}
