package com.spaceduck.platform.events;

import io.smallrye.mutiny.Uni;

/**
 * Applies one type of event. Implement it as a CDI bean; {@link EventConsumer} calls it inside a
 * transaction that also records the event id, so each event is applied once per consumer group even
 * when the stream delivers it again. A failure leaves the event pending for a retry.
 */
public interface EventHandler {

  /** The event type handled, e.g. {@code duckling.hatched}. */
  String type();

  /** Applies the event within the current transaction. */
  Uni<Void> handle(Event event);
}
