package com.spaceduck.sync.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A venue's one API key: its readable prefix and hash, never the key itself. */
@Entity
@Table(name = "venue_api_keys")
public class ApiKey {

  @Id
  @Column(name = "venue_id")
  public UUID venueId;

  @Column(name = "key_hash", nullable = false)
  public String keyHash;

  @Column(nullable = false)
  public String prefix;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  @Column(name = "last_user_agent")
  public String lastUserAgent;
}
