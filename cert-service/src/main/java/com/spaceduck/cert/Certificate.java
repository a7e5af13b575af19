package com.spaceduck.cert;

import com.spaceduck.platform.contracts.TrustTier;
import java.time.Instant;
import java.util.UUID;

/**
 * A duckling's birth certificate: a row of the {@code certificates} table (see {@code
 * db/migration/V1__certificates.sql}).
 */
public class Certificate {

  public UUID certId;

  public UUID ducklingId;

  public String displayName;

  /** The stored status: never {@link CertStatus#EXPIRED}, see {@link #statusAt(Instant)}. */
  public CertStatus status;

  public TrustTier trustTier;

  public Instant issuedAt;

  public Instant expiresAt;

  public String country;

  public String lambdaVersion;

  public Instant revokedAt;

  public String revokedReason;

  public UUID revokedBy;

  /** The signed credential (compact JWS), or null until one is signed (drafts never get one). */
  public String credential;

  /** The {@code kid} of the key that signed {@link #credential}. */
  public String credentialKid;

  /**
   * The status list holding this certificate's revocation bit, or null before the first credential.
   */
  public Integer statusList;

  /** This certificate's bit in {@link #statusList}: random, unique within the list. */
  public Integer statusIndex;

  /** The status a reader sees at {@code now}: an issued certificate past its expiry is EXPIRED. */
  public CertStatus statusAt(Instant now) {
    if (status == CertStatus.ISSUED && expiresAt != null && !now.isBefore(expiresAt)) {
      return CertStatus.EXPIRED;
    }
    return status;
  }
}
