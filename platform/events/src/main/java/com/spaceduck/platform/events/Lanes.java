package com.spaceduck.platform.events;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Works through a batch with bounded concurrency while keeping the order of items that share a key:
 * the batch is split into one lane per key (in batch order), up to {@code maxInFlight} lanes run at
 * once, and each lane handles its items one after the other. So at most {@code maxInFlight} items
 * are in work at any time, and two items with the same key never overlap.
 *
 * <p>A failing item neither stops its lane nor the batch: {@code work} decides what a failure means
 * (the event consumer leaves the entry unacknowledged); here it is only passed over.
 */
final class Lanes {

  private Lanes() {}

  /** Completes once every item's work has completed or failed. */
  static <T> Uni<Void> run(
      List<T> items, Function<T, String> key, int maxInFlight, Function<T, Uni<Void>> work) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    Map<String, List<T>> lanes = new LinkedHashMap<>();
    for (T item : items) {
      lanes.computeIfAbsent(key.apply(item), ignored -> new ArrayList<>()).add(item);
    }
    return Multi.createFrom()
        .iterable(lanes.values())
        .onItem()
        .transformToUni(lane -> inOrder(lane, work))
        .merge(maxInFlight)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private static <T> Uni<Void> inOrder(List<T> lane, Function<T, Uni<Void>> work) {
    return Multi.createFrom()
        .iterable(lane)
        .onItem()
        .transformToUniAndConcatenate(
            item -> Uni.createFrom().deferred(() -> work.apply(item)).onFailure().recoverWithNull())
        .collect()
        .last()
        .replaceWithVoid();
  }
}
