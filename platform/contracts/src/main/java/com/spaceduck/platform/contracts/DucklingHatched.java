package com.spaceduck.platform.contracts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * A duckling signed up (identity-service). cert-service issues its birth certificate. {@code
 * displayName} may be null (it is optional at sign-up); {@code country} is ISO 3166 alpha-2, {@code
 * ZZ} when unknown.
 */
@RegisterForReflection
public record DucklingHatched(
    UUID ducklingId, String displayName, String emailDomain, String country) implements EventData {

  public static final String NAME = "duckling.hatched";
  public static final int VERSION = 1;
  public static final EventType<DucklingHatched> TYPE =
      new EventType<>(NAME, VERSION, DucklingHatched.class);

  @Override
  public EventType<DucklingHatched> eventType() {
    return TYPE;
  }
}
