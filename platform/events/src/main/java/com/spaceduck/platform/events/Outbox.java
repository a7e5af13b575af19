package com.spaceduck.platform.events;

import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.contracts.EventType;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records events in the outbox. Call it inside the transaction that makes the change the event
 * describes (an {@code @InTransaction} service method): the event then exists if and only if the
 * change does, and {@link OutboxRelay} publishes it once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

  private static final String INSERT =
      "insert into event_outbox (id, type, payload, created_at) values ($1, $2, $3, $4)";

  private final Database database;
  private final EventCodec codec;
  private final Clock clock;

  public Outbox(Database database, EventCodec codec, Clock clock) {
    this.database = database;
    this.codec = codec;
    this.clock = clock;
  }

  /** Adds an event about {@code subject} to the current transaction. */
  public <T extends EventData> Uni<Event<T>> append(String subject, T data) {
    EventType<?> type = data.eventType();
    Event<T> event =
        new Event<>(UUID.randomUUID(), type.name(), clock.instant(), subject, data, type.version());
    return database
        .update(
            INSERT,
            Tuple.of(
                event.id(),
                type.name(),
                codec.encode(event),
                OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC)))
        .replaceWith(event);
  }
}
