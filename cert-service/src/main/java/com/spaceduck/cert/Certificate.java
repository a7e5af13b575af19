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

/** A duckling's birth certificate (see {@code db/migration/V1__certificates.sql}). */
@Entity
@Table(name = "certificates")
public class Certificate {

  @Id
  @Column(name = "cert_id")
  public UUID certId;

  @Column(name = "duckling_id", nullable = false, unique = true)
  public UUID ducklingId;

  @Column(name = "display_name", nullable = false)
  public String displayName;

  /** The stored status: never {@link CertStatus#EXPIRED}, see {@link #statusAt(Instant)}. */
  @Enumerated(EnumType.STRING)
  @Column(name = "cert_status", nullable = false)
  public CertStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "trust_tier", nullable = false)
  public TrustTier trustTier;

  @Column(name = "issued_at")
  public Instant issuedAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(nullable = false)
  public String country;

  @Column(name = "lambda_version", nullable = false)
  public String lambdaVersion;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Column(name = "revoked_reason")
  public String revokedReason;

  @Column(name = "revoked_by")
  public UUID revokedBy;

  /** The signed credential (compact JWS), or null until one is signed (drafts never get one). */
  @Column(name = "credential")
  public String credential;

  /** The {@code kid} of the key that signed {@link #credential}. */
  @Column(name = "credential_kid")
  public String credentialKid;

  /**
   * The status list holding this certificate's revocation bit, or null before the first credential.
   */
  @Column(name = "status_list")
  public Integer statusList;

  /** This certificate's bit in {@link #statusList}: random, unique within the list. */
  @Column(name = "status_index")
  public Integer statusIndex;

  /** The status a reader sees at {@code now}: an issued certificate past its expiry is EXPIRED. */
  public CertStatus statusAt(Instant now) {
    if (status == CertStatus.ISSUED && expiresAt != null && !now.isBefore(expiresAt)) {
      return CertStatus.EXPIRED;
    }
    return status;
  }
}
