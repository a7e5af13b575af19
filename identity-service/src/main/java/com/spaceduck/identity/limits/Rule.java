package com.spaceduck.identity.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How often something may happen per UTC day: at most {@code limit} times; after {@code free} times
 * each further one must wait {@code initialDelay * 2^(hits - free)} (at most {@code maxDelay})
 * after the previous one.
 */
public record Rule(int limit, int free, Duration initialDelay, Duration maxDelay) {

  /** Only a daily cap, no waiting. */
  public static Rule capped(int limit) {
    return new Rule(limit, limit, Duration.ZERO, Duration.ZERO);
  }

  /**
   * When the next hit is allowed after {@code hits} today, the last at {@code lastAt}; null: now.
   */
  public Instant refusedUntil(int hits, Instant lastAt, Instant now) {
    if (hits >= limit) {
      return startOfNextDay(now);
    }
    if (hits < free || lastAt == null) {
      return null;
    }
    Instant allowed = lastAt.plus(delay(hits - free));
    return now.isBefore(allowed) ? allowed : null;
  }

  /** The wait after {@code over} hits beyond the free ones. */
  Duration delay(int over) {
    Duration delay = initialDelay.multipliedBy(1L << Math.min(over, 30));
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** The UTC day counters are kept for. */
  public static LocalDate day(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  public static Instant startOfNextDay(Instant now) {
    return day(now).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Whole seconds until {@code until}, at least 1: the value of {@code Retry-After}. */
  public static long secondsUntil(Instant now, Instant until) {
    return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
  }
}
