package com.spaceduck.platform.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** A duckling's trust tier went up (identity-service). cert-service re-tiers its certificate. */
@RegisterForReflection
public record TrustElevated(UUID ducklingId, TrustTier fromTier, TrustTier toTier)
    implements EventData {

  public static final String NAME = "trust.elevated";
  public static final int VERSION = 1;
  public static final EventType<TrustElevated> TYPE =
      new EventType<>(NAME, VERSION, TrustElevated.class);

  @Override
  public EventType<TrustElevated> eventType() {
    return TYPE;
  }
}
