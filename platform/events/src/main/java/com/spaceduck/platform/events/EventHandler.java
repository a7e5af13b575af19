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

  /**
   * Whether several events of this type may be applied in one transaction, one after the other in
   * stream order (each still with its own dedup row). Say so for handlers that only write, without
   * entity state a later event of the same transaction could trip over: a read of such events then
   * costs one round trip per event instead of five, and no lock is held across events of other
   * transactions. Should that shared transaction fail, its events are applied again one by one.
   */
  default boolean batchable() {
    return false;
  }

  /**
   * Called once a transaction that applied events of this type has committed (and the events were
   * acknowledged): the moment to wake whatever reads what the handler wrote. It may also follow a
   * redelivered event that changed nothing.
   */
  default void committed() {}
}
