package com.spaceduck.platform.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Records events in the outbox. Call it inside the transaction that makes the change the event
 * describes (a {@code @WithTransaction} service method): the event then exists if and only if the
 * change does, and {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

  public static final int VERSION = 1;

  private final EventCodec codec;
  private final Clock clock;

  public Outbox(EventCodec codec, Clock clock) {
    this.codec = codec;
    this.clock = clock;
  }

  /** Adds an event to the current transaction. {@code data} holds plain JSON values. */
  public Uni<Event> append(String type, String subject, Map<String, ?> data) {
    Event event =
        new Event(UUID.randomUUID(), type, clock.instant(), subject, codec.data(data), VERSION);
    OutboxRecord record = new OutboxRecord();
    record.id = event.id();
    record.type = type;
    record.payload = codec.encode(event);
    record.createdAt = event.occurredAt();
    return record.persist().replaceWith(event);
  }
}
