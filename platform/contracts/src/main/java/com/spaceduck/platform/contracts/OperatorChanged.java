package com.spaceduck.platform.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * The operator role was granted ({@code operator} true) or revoked (identity-service's {@code
 * grant_operator} and {@code revoke_operator}, written by SQL). Other services keep their own copy
 * of who operates and apply a change only if its {@code changedAt} is newer than the one they hold,
 * so a retried older event cannot undo a newer one.
 */
@RegisterForReflection
public record OperatorChanged(UUID ducklingId, boolean operator, Instant changedAt)
    implements EventData {

  public static final String NAME = "operator.changed";
  public static final int VERSION = 1;
  public static final EventType<OperatorChanged> TYPE =
      new EventType<>(NAME, VERSION, OperatorChanged.class);

  @Override
  public EventType<OperatorChanged> eventType() {
    return TYPE;
  }
}
