package com.spaceduck.identity;

import com.spaceduck.platform.contracts.TrustTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered identity (see {@code db/migration/V1__identity.sql}). Internal: never serialised.
 */
@Entity
@Table(name = "ducklings")
public class Duckling {

  @Id public UUID id;

  /** Normalised (trimmed, lower-case); unique. */
  @Column(nullable = false)
  public String email;

  @Column(name = "email_domain", nullable = false)
  public String emailDomain;

  @Column(name = "display_name", nullable = false)
  public String displayName;

  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(name = "trust_tier", nullable = false)
  public TrustTier trustTier;

  @Column(nullable = false)
  public String country;

  @Column(name = "email_verified_at")
  public Instant emailVerifiedAt;

  public String phone;

  @Column(name = "phone_verified_at")
  public Instant phoneVerifiedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public boolean emailVerified() {
    return emailVerifiedAt != null;
  }

  public boolean phoneVerified() {
    return phoneVerifiedAt != null;
  }
}
