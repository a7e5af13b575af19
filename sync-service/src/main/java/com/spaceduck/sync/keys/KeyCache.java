package com.spaceduck.sync.keys;

import com.spaceduck.sync.SyncConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Key hash → venue, so that a warm key costs no database round trip. Entries live {@code
 * spaceduck.sync.key-cache.ttl}; regenerating or revoking a key evicts it on every instance at once
 * by a message on a Redis pub/sub channel. Unknown keys are cached too (as a venue of {@code
 * null}), so a client retrying a dead key does not reach the database on every call.
 *
 * <p>Two guards keep a stale entry from outliving an eviction: a lookup that raced with an eviction
 * is not cached ({@link #epoch}), and an instance whose subscription stopped delivering (its
 * heartbeat did not come back, e.g. after Redis restarted) subscribes again and starts over empty.
 */
@Singleton
public class KeyCache {

  private static final Logger LOG = Logger.getLogger(KeyCache.class);
  private static final String HEARTBEAT = "heartbeat";
  private static final String EVICT = "evict:";

  /** What the cache knows of one key hash. */
  public record Entry(UUID venueId, Instant lastUsedAt, String lastUserAgent, long expiresAt) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong epoch = new AtomicLong();
  private final ReactivePubSubCommands<String> pubsub;
  private final Vertx vertx;
  private final String channel;
  private final long ttlNanos;
  private final int maxEntries;
  private final long heartbeatMillis;
  private volatile ReactiveRedisSubscriber subscriber;
  private volatile long lastHeartbeat = System.nanoTime();
  private volatile boolean subscribing;
  private long timer = -1;

  public KeyCache(ReactiveRedisDataSource redis, Vertx vertx, SyncConfig config) {
    this.pubsub = redis.pubsub(String.class);
    this.vertx = vertx;
    this.channel = config.keyCache().channel();
    this.ttlNanos = config.keyCache().ttl().toNanos();
    this.maxEntries = config.keyCache().maxEntries();
    this.heartbeatMillis = Math.max(100, config.keyCache().heartbeat().toMillis());
  }

  void start(@Observes StartupEvent event) {
    subscribe();
    timer = vertx.setPeriodic(heartbeatMillis, id -> heartbeat());
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** The live entry for a key hash, or null when there is none or it expired. */
  public Entry get(String keyHash) {
    Entry entry = entries.get(keyHash);
    if (entry == null || entry.expiresAt() - System.nanoTime() < 0) {
      return null;
    }
    return entry;
  }

  /** A stamp to take before a database lookup and hand to {@link #put}. */
  public long epoch() {
    return epoch.get();
  }

  /**
   * Caches what a lookup found, unless an eviction arrived since {@code epochBefore}: the lookup
   * may have read the key just before it was replaced.
   */
  public Entry put(
      String keyHash, UUID venueId, Instant lastUsedAt, String lastUserAgent, long epochBefore) {
    Entry entry = new Entry(venueId, lastUsedAt, lastUserAgent, System.nanoTime() + ttlNanos);
    if (epoch.get() == epochBefore) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      entries.put(keyHash, entry);
    }
    return entry;
  }

  /** Remembers a usage stamp written for a cached key, keeping its expiry. */
  public void used(String keyHash, Entry entry, Instant at, String userAgent) {
    entries.replace(keyHash, entry, new Entry(entry.venueId(), at, userAgent, entry.expiresAt()));
  }

  /**
   * Evicts these key hashes here at once and on every other instance through Redis. When Redis
   * cannot be reached the others drop them within the TTL; the change itself stands.
   */
  public Uni<Void> invalidate(List<String> keyHashes) {
    evict(keyHashes);
    return pubsub
        .publish(channel, EVICT + String.join(",", keyHashes))
        .onFailure()
        .invoke(
            e ->
                LOG.warnf(
                    "Could not publish a key eviction; other instances drop the key within the"
                        + " cache TTL: %s",
                    e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private void evict(List<String> keyHashes) {
    epoch.incrementAndGet();
    keyHashes.forEach(entries::remove);
  }

  private void onMessage(String message) {
    if (HEARTBEAT.equals(message)) {
      lastHeartbeat = System.nanoTime();
    } else if (message.startsWith(EVICT)) {
      evict(List.of(message.substring(EVICT.length()).split(",")));
    }
  }

  private void heartbeat() {
    boolean silent = System.nanoTime() - lastHeartbeat > 3 * heartbeatMillis * 1_000_000L;
    if (subscriber == null || silent) {
      subscribe();
    }
    pubsub.publish(channel, HEARTBEAT).subscribe().with(ok -> {}, e -> {});
  }

  /**
   * (Re)subscribes, starting over empty since evictions may have been missed. Until it succeeds
   * entries still live their TTL, which bounds how long a replaced key can be honoured here.
   */
  private void subscribe() {
    if (subscribing) {
      return;
    }
    subscribing = true;
    ReactiveRedisSubscriber previous = subscriber;
    subscriber = null;
    entries.clear();
    epoch.incrementAndGet();
    if (previous != null) {
      previous.unsubscribe().subscribe().with(ok -> {}, e -> {});
    }
    pubsub
        .subscribe(channel, this::onMessage)
        .subscribe()
        .with(
            s -> {
              lastHeartbeat = System.nanoTime();
              subscriber = s;
              subscribing = false;
              LOG.debugf("Subscribed to key evictions on %s", channel);
            },
            e -> {
              subscribing = false;
              LOG.warnf(
                  "Cannot subscribe to key evictions, keys are checked in the database until"
                      + " Redis answers: %s",
                  e.toString());
            });
  }
}
