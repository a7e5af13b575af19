package com.spaceduck.sync.keys;

import java.time.Instant;
import java.util.UUID;

/**
 * A venue's one API key: its readable prefix and hash, never the key itself. A row of the {@code
 * venue_api_keys} table.
 */
public class ApiKey {

  public UUID venueId;

  public String keyHash;

  public String prefix;

  public Instant createdAt;

  public Instant lastUsedAt;

  public String lastUserAgent;
}
