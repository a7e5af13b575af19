package com.spaceduck.gateway.ratelimit;

/**
 * The answer for one request: allowed or not, tokens left, and (in microseconds) when a token will
 * be there again and when the bucket will be full.
 */
public record Decision(Outcome outcome, long remaining, long retryAfterMicros, long resetMicros) {

  /** How the decision was made. */
  public enum Outcome {
    ALLOWED,
    LIMITED,
    /** Redis could not be asked and the group fails closed. */
    UNAVAILABLE
  }

  public static final Decision UNAVAILABLE = new Decision(Outcome.UNAVAILABLE, 0, 1_000_000, 0);

  public boolean allowed() {
    return outcome == Outcome.ALLOWED;
  }

  /** Whole seconds, at least 1, until the request may be retried. */
  public long retryAfterSeconds() {
    return Math.max(1, ceilSeconds(retryAfterMicros));
  }

  /** Whole seconds until the bucket is full again. */
  public long resetSeconds() {
    return ceilSeconds(resetMicros);
  }

  private static long ceilSeconds(long micros) {
    return (Math.max(0, micros) + 999_999) / 1_000_000;
  }
}
