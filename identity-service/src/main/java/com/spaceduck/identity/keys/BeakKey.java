package com.spaceduck.identity.keys;

import com.spaceduck.platform.contracts.TrustTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A Beak Key: its readable prefix and hash, never the key itself. */
@Entity
@Table(name = "beak_keys")
public class BeakKey {

  @Id public UUID id;

  @Column(name = "duckling_id", nullable = false)
  public UUID ducklingId;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String prefix;

  @Column(name = "key_hash", nullable = false)
  public String keyHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TrustTier tier;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;
}
