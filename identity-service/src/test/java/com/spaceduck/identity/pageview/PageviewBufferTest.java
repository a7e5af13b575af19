package com.spaceduck.identity.pageview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageviewBufferTest {

  private static PageviewBuffer.Pageview view(int i) {
    return new PageviewBuffer.Pageview("/p" + i, null, Instant.EPOCH);
  }

  @Test
  void fullBufferRefuses() {
    PageviewBuffer buffer = new PageviewBuffer(2);
    assertTrue(buffer.offer(view(1)));
    assertTrue(buffer.offer(view(2)));
    assertFalse(buffer.offer(view(3)));
    assertEquals(2, buffer.size());
  }

  @Test
  void drainTakesOldestUpToTheBatchSize() {
    PageviewBuffer buffer = new PageviewBuffer(10);
    for (int i = 0; i < 5; i++) {
      buffer.offer(view(i));
    }
    List<PageviewBuffer.Pageview> batch = buffer.drain(3);
    assertEquals(List.of(view(0), view(1), view(2)), batch);
    assertEquals(2, buffer.size());
  }

  @Test
  void requeueKeepsWhatFitsAndCountsTheRest() {
    PageviewBuffer buffer = new PageviewBuffer(3);
    buffer.offer(view(1));
    buffer.offer(view(2));
    assertEquals(1, buffer.requeue(List.of(view(3), view(4))));
    assertEquals(3, buffer.size());
  }
}
