package com.spaceduck.identity.pageview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Page views waiting to be written: a bounded, lock-free-for-readers queue. Offering never blocks;
 * a full buffer refuses, and the caller decides what that means (a 503).
 */
public class PageviewBuffer {

  /** One page view. */
  public record Pageview(String page, String referrer, Instant viewedAt) {}

  private final ArrayBlockingQueue<Pageview> queue;

  public PageviewBuffer(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Whether the view was taken; false when the buffer is full. */
  public boolean offer(Pageview view) {
    return queue.offer(view);
  }

  /** Up to {@code max} of the oldest views, removed from the buffer. */
  public List<Pageview> drain(int max) {
    List<Pageview> batch = new ArrayList<>(Math.min(max, queue.size()));
    queue.drainTo(batch, max);
    return batch;
  }

  /** Puts views back after a failed write, as far as room allows; returns how many were lost. */
  public int requeue(List<Pageview> views) {
    int lost = 0;
    for (Pageview view : views) {
      if (!queue.offer(view)) {
        lost++;
      }
    }
    return lost;
  }

  public int size() {
    return queue.size();
  }
}
