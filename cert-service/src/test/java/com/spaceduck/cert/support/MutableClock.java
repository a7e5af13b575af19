package com.spaceduck.cert.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests (it replaces the platform's default system clock): the real time
 * unless a test pins it, so tests that do not care see ordinary time. Tests that pin it reset it
 * afterwards.
 */
@Singleton
public class MutableClock extends Clock {

  private volatile Instant pinned;

  /** From now on the application's time is {@code instant}. */
  public void pin(Instant instant) {
    this.pinned = instant;
  }

  /** Back to the real time. */
  public void reset() {
    this.pinned = null;
  }

  @Override
  public Instant instant() {
    Instant at = pinned;
    return at != null ? at : Instant.now();
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
