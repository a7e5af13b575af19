package com.spaceduck.identity;

import com.spaceduck.platform.contracts.TrustTier;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered identity, a row of {@code ducklings} (see {@code db/migration/V1__identity.sql}).
 * Internal: never serialised.
 */
public class Duckling {

  public UUID id;

  /** Normalised (trimmed, lower-case); unique. */
  public String email;

  public String emailDomain;

  public String displayName;

  public String passwordHash;

  public TrustTier trustTier;

  public String country;

  public Instant emailVerifiedAt;

  public String phone;

  public Instant phoneVerifiedAt;

  public Instant createdAt;

  public boolean emailVerified() {
    return emailVerifiedAt != null;
  }

  public boolean phoneVerified() {
    return phoneVerifiedAt != null;
  }
}
