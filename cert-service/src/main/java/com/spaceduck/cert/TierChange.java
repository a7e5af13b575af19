package com.spaceduck.cert;

import com.spaceduck.platform.contracts.TrustTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in a certificate's tier history: issuance at T0, then every elevation applied. */
@Entity
@Table(name = "cert_tier_history")
public class TierChange {

  @Id public UUID id;

  @Column(name = "cert_id", nullable = false)
  public UUID certId;

  /** Null for the issuance row. */
  @Enumerated(EnumType.STRING)
  @Column(name = "from_tier")
  public TrustTier fromTier;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_tier", nullable = false)
  public TrustTier toTier;

  /** The event that caused the change. */
  @Column(name = "event_id", nullable = false)
  public UUID eventId;

  @Column(name = "changed_at", nullable = false)
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
