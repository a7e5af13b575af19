package com.spaceduck.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens this instance already took from Redis and may spend without asking again, per bucket,
 * until they expire. Spending a leased token reports the bucket as Redis last described it, less
 * what was spent since.
 */
final class Leases {

  private static final int MAX_LEASES = 100_000;

  private static final class Lease {
    long tokens;
    long leftInBucket;
    long resetAt;
    long expiresAt;
  }

  private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();

  /** Spends one leased token, or answers {@code null} when there is none left. */
  Decision take(String key, long now) {
    Lease lease = leases.get(key);
    if (lease == null) {
      return null;
    }
    synchronized (lease) {
      if (lease.tokens <= 0 || now >= lease.expiresAt) {
        return null;
      }
      lease.tokens--;
      return new Decision(
          Decision.Outcome.ALLOWED,
          lease.leftInBucket + lease.tokens,
          0,
          Math.max(0, lease.resetAt - now));
    }
  }

  /** Keeps {@code tokens} more for the bucket, spendable until {@code expiresAt}. */
  void add(String key, long tokens, long leftInBucket, long resetAt, long expiresAt, long now) {
    if (leases.size() > MAX_LEASES) {
      leases.values().removeIf(lease -> lease.expiresAt <= now);
    }
    Lease lease = leases.computeIfAbsent(key, k -> new Lease());
    synchronized (lease) {
      lease.tokens = now < lease.expiresAt ? lease.tokens + tokens : tokens;
      lease.leftInBucket = leftInBucket;
      lease.resetAt = resetAt;
      lease.expiresAt = expiresAt;
    }
  }
}
