package com.spaceduck.gateway.ratelimit;

/**
 * The generic cell rate algorithm: a token bucket kept as one number, the theoretical arrival time
 * (TAT) of the next request. {@link RedisBuckets#SCRIPT} is the same arithmetic in Lua; this copy
 * serves the local fallback and the tests.
 */
public final class Gcra {

  private Gcra() {}

  /** A decision and the TAT to store (unchanged when limited). */
  public record Result(Decision decision, long newTat) {}

  /**
   * Decides one request at {@code now} against a stored TAT ({@code 0} for a new bucket), with a
   * token every {@code interval} and room for {@code capacity}; all times in microseconds.
   */
  public static Result decide(long storedTat, long now, long interval, long capacity) {
    long tat = Math.max(storedTat, now);
    long newTat = tat + interval;
    long allowAt = newTat - capacity * interval;
    if (now < allowAt) {
      return new Result(
          new Decision(Decision.Outcome.LIMITED, 0, allowAt - now, tat - now), storedTat);
    }
    long remaining = (now - allowAt) / interval;
    return new Result(new Decision(Decision.Outcome.ALLOWED, remaining, 0, newTat - now), newTat);
  }
}
