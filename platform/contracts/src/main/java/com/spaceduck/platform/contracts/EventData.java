package com.spaceduck.platform.contracts;

/** The data of one platform event: a record whose components are the event's JSON fields. */
public interface EventData {

  /** The name and version this data is published under. */
  EventType<?> eventType();
}
