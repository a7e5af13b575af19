package com.spaceduck.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * DuckHub settings ({@code spaceduck.sync.*}); every key is overridable by environment. Their
 * ranges are checked at start ({@link SyncSettings}).
 */
@ConfigMapping(prefix = "spaceduck.sync")
public interface SyncConfig {

  /** The most venues one owner may create. */
  @WithDefault("100")
  int maxVenuesPerOwner();

  /** How long the first answer to an {@code Idempotency-Key} is replayed to a retry. */
  @WithDefault("PT24H")
  Duration idempotencyRetention();

  KeyCache keyCache();

  Limits limits();

  Catalog catalog();

  /** The API-key check's in-memory cache of key hash → venue. */
  interface KeyCache {

    /**
     * How long an entry is trusted. Regenerating or revoking a key evicts it on every instance at
     * once through Redis; this bound only matters while Redis is away.
     */
    @WithDefault("10s")
    Duration ttl();

    /** Entries kept at most; the cache starts over when it is full. */
    @WithDefault("10000")
    int maxEntries();

    /**
     * How often each instance checks its subscription to the eviction channel (by publishing a
     * heartbeat on it), and subscribes again when a heartbeat did not come back, e.g. after Redis
     * restarted.
     */
    @WithDefault("5s")
    Duration heartbeat();

    /** The Redis pub/sub channel that carries evictions between instances. */
    @WithDefault("spaceduck:sync:api-keys")
    String channel();
  }

  /** The most objects one {@code POST /v1/sync} may carry (more is a 413 problem). */
  interface Limits {

    @WithDefault("1000")
    int categories();

    @WithDefault("10000")
    int items();

    @WithDefault("1000")
    int modifierGroups();

    /** Modifiers across all groups of the request. */
    @WithDefault("10000")
    int modifiers();
  }

  /** {@code GET /v1/catalog} paging. */
  interface Catalog {

    /** Items per page when the request names no {@code limit}. */
    @WithDefault("1000")
    int pageSize();

    /** The largest {@code limit} a request may ask for. */
    @WithDefault("5000")
    int maxPageSize();
  }
}
