package com.spaceduck.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GcraTest {

  private static final long SECOND = 1_000_000;

  @Test
  void freshBucketAllowsTheWholeCapacityAtOnce() {
    long tat = 0;
    long now = 1_000 * SECOND;
    for (int i = 1; i <= 5; i++) {
      Gcra.Result result = Gcra.decide(tat, now, 6 * SECOND, 5);
      assertTrue(result.decision().allowed(), "request " + i);
      assertEquals(5 - i, result.decision().remaining());
      tat = result.newTat();
    }
    Gcra.Result sixth = Gcra.decide(tat, now, 6 * SECOND, 5);
    assertFalse(sixth.decision().allowed());
    assertEquals(6 * SECOND, sixth.decision().retryAfterMicros());
    assertEquals(tat, sixth.newTat(), "a refused request takes no token");
  }

  @Test
  void tokensComeBackAtTheRefillRate() {
    long now = 5_000 * SECOND;
    long tat = Gcra.decide(0, now, 2 * SECOND, 1).newTat();
    assertFalse(Gcra.decide(tat, now + 2 * SECOND - 1, 2 * SECOND, 1).decision().allowed());
    assertTrue(Gcra.decide(tat, now + 2 * SECOND, 2 * SECOND, 1).decision().allowed());
  }

  @Test
  void idleBucketNeverHoldsMoreThanItsCapacity() {
    long now = 9_000 * SECOND;
    long tat = Gcra.decide(0, now, SECOND, 3).newTat();
    Gcra.Result muchLater = Gcra.decide(tat, now + 3_600 * SECOND, SECOND, 3);
    assertEquals(2, muchLater.decision().remaining());
  }

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    assertEquals(1, new Decision(Decision.Outcome.LIMITED, 0, 1, 0).retryAfterSeconds());
    assertEquals(2, new Decision(Decision.Outcome.LIMITED, 0, 1_000_001, 0).retryAfterSeconds());
    assertEquals(1, new Decision(Decision.Outcome.LIMITED, 0, 0, 0).retryAfterSeconds());
  }
}
