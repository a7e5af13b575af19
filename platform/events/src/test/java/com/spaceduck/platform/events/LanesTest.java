package com.spaceduck.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The batch scheduling of the event consumer, driven by hand: each item's work stays open until the
 * test completes or fails it, so what is in flight at each step is exact.
 */
class LanesTest {

  /** Items in work, by name, each completed or failed by the test. */
  private final Map<String, UniEmitter<? super Void>> inFlight = new LinkedHashMap<>();

  private final List<String> started = new ArrayList<>();

  private Uni<Void> work(String item) {
    return Uni.createFrom()
        .emitter(
            emitter -> {
              started.add(item);
              inFlight.put(item, emitter);
            });
  }

  private static String key(String item) {
    return item.substring(0, 1);
  }

  private AtomicBoolean runInBackground(List<String> items, int maxInFlight) {
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Lanes.run(items, LanesTest::key, maxInFlight, this::work)
        .subscribe()
        .with(ignored -> done.set(true), failure::set);
    assertEquals(null, failure.get());
    return done;
  }

  private void complete(String item) {
    inFlight.remove(item).complete(null);
  }

  @Test
  void neverMoreThanMaxInFlightAtOnce() {
    AtomicBoolean done = runInBackground(List.of("a1", "b1", "c1", "d1", "e1"), 2);

    assertEquals(List.of("a1", "b1"), List.copyOf(inFlight.keySet()));
    complete("b1");
    assertEquals(List.of("a1", "c1"), List.copyOf(inFlight.keySet()));
    complete("a1");
    complete("c1");
    assertEquals(List.of("d1", "e1"), List.copyOf(inFlight.keySet()));
    assertFalse(done.get());
    complete("e1");
    complete("d1");

    assertTrue(done.get());
    assertEquals(List.of("a1", "b1", "c1", "d1", "e1"), started);
  }

  @Test
  void itemsWithTheSameKeyRunOneAfterTheOtherInBatchOrder() {
    AtomicBoolean done = runInBackground(List.of("a1", "b1", "a2", "a3", "b2"), 8);

    assertEquals(List.of("a1", "b1"), List.copyOf(inFlight.keySet()), "one per key at a time");
    complete("a1");
    assertEquals(List.of("b1", "a2"), List.copyOf(inFlight.keySet()));
    complete("b1");
    complete("a2");
    assertEquals(List.of("b2", "a3"), List.copyOf(inFlight.keySet()));
    complete("a3");
    complete("b2");

    assertTrue(done.get());
    assertEquals(List.of("a1", "b1", "a2", "b2", "a3"), started);
  }

  @Test
  void aFailedItemHoldsUpNeitherItsLaneNorTheBatch() {
    AtomicBoolean done = runInBackground(List.of("a1", "a2", "b1"), 1);

    inFlight.remove("a1").fail(new IllegalStateException("handler failed"));
    assertEquals(List.of("a2"), List.copyOf(inFlight.keySet()));
    complete("a2");
    complete("b1");

    assertTrue(done.get());
    assertEquals(List.of("a1", "a2", "b1"), started);
  }

  @Test
  void workThatThrowsInsteadOfFailingIsPassedOverToo() {
    AtomicBoolean done = new AtomicBoolean();
    List<String> seen = new ArrayList<>();
    Lanes.<String>run(
            List.of("a1", "b1"),
            LanesTest::key,
            2,
            item -> {
              seen.add(item);
              if (item.equals("a1")) {
                throw new IllegalStateException("thrown");
              }
              return Uni.createFrom().voidItem();
            })
        .subscribe()
        .with(ignored -> done.set(true));

    assertTrue(done.get());
    assertEquals(List.of("a1", "b1"), seen);
  }

  @Test
  void anEmptyBatchCompletesAndABoundBelowOneIsRefused() {
    assertTrue(runInBackground(List.of(), 4).get());
    assertThrows(
        IllegalArgumentException.class,
        () -> Lanes.run(List.of("a1"), LanesTest::key, 0, this::work));
  }
}
