package com.spaceduck.platform.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * One agent pecked another (identity-service). {@code body} is the peck's JSON body as text (at
 * most 4 KiB); both agents' owners are named so each can be told.
 */
@RegisterForReflection
public record PeckSent(
    UUID peckId,
    UUID fromAgentId,
    UUID fromDucklingId,
    UUID toAgentId,
    UUID toDucklingId,
    String body,
    Instant sentAt)
    implements EventData {

  public static final String NAME = "peck.sent";
  public static final int VERSION = 1;
  public static final EventType<PeckSent> TYPE = new EventType<>(NAME, VERSION, PeckSent.class);

  @Override
  public EventType<PeckSent> eventType() {
    return TYPE;
  }
}
