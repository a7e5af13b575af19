package com.spaceduck.platform.contracts;

import java.util.List;

/** Every event type the platform publishes; the contract tests check each against its fixture. */
public final class EventTypes {

  public static final List<EventType<?>> ALL =
      List.of(
          DucklingHatched.TYPE,
          TrustElevated.TYPE,
          AgentRegistered.TYPE,
          CertIssued.TYPE,
          OperatorChanged.TYPE,
          PeckSent.TYPE);

  private EventTypes() {}
}
