package com.spaceduck.platform.events;

import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.contracts.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Records events in the outbox. Call it inside the transaction that makes the change the event
 * describes (a {@code @WithTransaction} service method): the event then exists if and only if the
 * change does, and {@link OutboxRelay} publishes it once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

  private final EventCodec codec;
  private final Clock clock;

  public Outbox(EventCodec codec, Clock clock) {
    this.codec = codec;
    this.clock = clock;
  }

  /** Adds an event about {@code subject} to the current transaction. */
  public <T extends EventData> Uni<Event<T>> append(String subject, T data) {
    EventType<?> type = data.eventType();
    Event<T> event =
        new Event<>(UUID.randomUUID(), type.name(), clock.instant(), subject, data, type.version());
    OutboxRecord record = new OutboxRecord();
    record.id = event.id();
    record.type = type.name();
    record.payload = codec.encode(event);
    record.createdAt = event.occurredAt();
    return record.persist().replaceWith(event);
  }
}
