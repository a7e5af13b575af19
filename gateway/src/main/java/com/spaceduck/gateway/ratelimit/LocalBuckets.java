package com.spaceduck.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in this instance's memory, for groups that fail open while Redis is away. With n
 * gateway instances a client may get up to n times its limit: approximate, but still a limit.
 */
final class LocalBuckets {

  private static final int MAX_BUCKETS = 200_000;

  private final ConcurrentHashMap<String, Long> tats = new ConcurrentHashMap<>();

  Decision decide(String key, long now, long interval, long capacity) {
    if (tats.size() > MAX_BUCKETS) {
      // Buckets whose TAT has passed are full again: forgetting them changes no decision.
      tats.values().removeIf(tat -> tat < now);
    }
    Decision[] decision = new Decision[1];
    tats.compute(
        key,
        (k, stored) -> {
          Gcra.Result result = Gcra.decide(stored == null ? 0 : stored, now, interval, capacity);
          decision[0] = result.decision();
          return result.newTat() == 0 ? null : result.newTat();
        });
    return decision[0];
  }
}
