package com.spaceduck.identity.counts;

import com.spaceduck.identity.IdentityConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serves the counts from memory and refreshes them at most once per {@code cache-ttl} per instance,
 * whatever the request rate: while one request refreshes stale counts, the others are answered with
 * the previous ones. Only the very first requests after start-up wait for a query.
 */
@ApplicationScoped
public class CountsService {

  private final CountsRepository repository;
  private final Clock clock;
  private final Duration ttl;
  private final String version;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Snapshot snapshot;

  public CountsService(CountsRepository repository, IdentityConfig config, Clock clock) {
    this.repository = repository;
    this.clock = clock;
    this.ttl = config.counts().cacheTtl();
    this.version = config.galaxyVersion();
  }

  private record Snapshot(CountsResponse value, Instant fetchedAt) {}

  public Uni<CountsResponse> counts() {
    Snapshot current = snapshot;
    Instant now = clock.instant();
    if (current != null && now.isBefore(current.fetchedAt().plus(ttl))) {
      return Uni.createFrom().item(current.value());
    }
    if (current != null && !refreshing.compareAndSet(false, true)) {
      return Uni.createFrom().item(current.value());
    }
    if (current == null) {
      refreshing.set(true);
    }
    return repository
        .counts()
        .map(
            counts -> {
              CountsResponse value =
                  new CountsResponse(
                      counts.registered(),
                      counts.certified(),
                      counts.bonded(),
                      counts.domains(),
                      version);
              snapshot = new Snapshot(value, clock.instant());
              return value;
            })
        .onTermination()
        .invoke(() -> refreshing.set(false));
  }
}
