package com.spaceduck.identity.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests (it replaces the platform's default system clock): the real time
 * plus an offset tests can move forward, so waits are shown without sleeping. Tests that move it
 * reset it afterwards. It only moves forward from the real time, so tokens issued meanwhile stay
 * valid for the verifier, which uses the real time.
 */
@Singleton
public class MutableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** Moves the application's time forward by {@code by}. */
  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  /** Back to the real time. */
  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // The application only ever asks for instants; a zone change is not needed.
    throw new UnsupportedOperationException("MutableClock stays in UTC");
  }
}
