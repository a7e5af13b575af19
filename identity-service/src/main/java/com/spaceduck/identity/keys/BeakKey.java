package com.spaceduck.identity.keys;

import com.spaceduck.platform.contracts.TrustTier;
import java.time.Instant;
import java.util.UUID;

/** A Beak Key, a row of {@code beak_keys}: its readable prefix and hash, never the key itself. */
public class BeakKey {

  public UUID id;

  public UUID ducklingId;

  public String name;

  public String prefix;

  public String keyHash;

  public TrustTier tier;

  public Instant createdAt;

  public Instant expiresAt;

  public Instant lastUsedAt;

  public Instant revokedAt;
}
