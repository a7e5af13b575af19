package com.spaceduck.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One platform event, as published on the stream: {@code {id, type, occurred_at, subject, data,
 * version}}. {@code subject} is the id of the thing the event is about (a duckling id, say); {@code
 * data} is the event type's record from {@code platform-contracts}.
 */
public record Event<T>(
    UUID id, String type, Instant occurredAt, String subject, T data, int version) {

  /** The same event with other data (the typed form of a decoded envelope). */
  public <U> Event<U> withData(U other) {
    return new Event<>(id, type, occurredAt, subject, other, version);
  }
}
