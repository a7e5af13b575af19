package com.spaceduck.gateway.support;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The gateway's clock in tests: the system clock until a test freezes it, then a time the test
 * moves by hand, so bucket refills happen exactly when the test says.
 */
@Singleton
public class TestClock extends Clock {

  private volatile Instant frozen;

  /** Stops time at the current instant. */
  public void freeze() {
    frozen = Instant.now();
  }

  public void advance(Duration duration) {
    if (frozen == null) {
      throw new IllegalStateException("freeze() first");
    }
    frozen = frozen.plus(duration);
  }

  /** Back to the system clock. */
  public void release() {
    frozen = null;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Instant now = frozen;
    return now != null ? now : Instant.now();
  }
}
