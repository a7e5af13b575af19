package com.spaceduck.platform.events;

import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.contracts.EventType;
import io.smallrye.mutiny.Uni;

/**
 * Applies one type of event. Implement it as a CDI bean; {@link EventConsumer} calls it inside a
 * transaction that also records the event id, so each event is applied once per consumer group even
 * when the stream delivers it again. A failure leaves the event pending for a retry.
 */
public interface EventHandler<T extends EventData> {

  /** The event type handled, e.g. {@code DucklingHatched.TYPE}. */
  EventType<T> type();

  /** Applies the event within the current transaction. */
  Uni<Void> handle(Event<T> event);
}
