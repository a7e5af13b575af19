package com.spaceduck.gateway.support;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A gateway test whose clock stands still during each test, so no rate-limit token refills unless
 * the test advances the clock.
 */
public abstract class FrozenClockTest {

  @Inject protected TestClock clock;

  @BeforeEach
  protected void freezeClock() {
    clock.freeze();
  }

  @AfterEach
  protected void releaseClock() {
    clock.release();
  }
}
