package com.spaceduck.identity.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RuleTest {

  private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

  private final Rule rule = new Rule(5, 1, Duration.ofSeconds(30), Duration.ofMinutes(10));

  @Test
  void freeHitsNeverWait() {
    assertNull(rule.refusedUntil(0, null, NOON));
  }

  @Test
  void waitsDoubleAfterTheFreeHitsUpToTheMaximum() {
    assertEquals(NOON.plusSeconds(30), rule.refusedUntil(1, NOON, NOON));
    assertEquals(NOON.plusSeconds(60), rule.refusedUntil(2, NOON, NOON));
    assertEquals(NOON.plusSeconds(120), rule.refusedUntil(3, NOON, NOON));
    assertEquals(Duration.ofMinutes(10), rule.delay(40));
    assertNull(rule.refusedUntil(3, NOON, NOON.plusSeconds(120)));
  }

  @Test
  void theDailyCapLastsUntilTheUtcDayEnds() {
    assertEquals(Instant.parse("2026-03-02T00:00:00Z"), rule.refusedUntil(5, NOON, NOON));
    assertEquals(43200, Rule.secondsUntil(NOON, Instant.parse("2026-03-02T00:00:00Z")));
  }
}
