package com.spaceduck.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The UTC system clock, injected wherever time matters so tests can substitute their own. */
@ApplicationScoped
public class Clocks {

  @Produces
  @DefaultBean
  @ApplicationScoped
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
