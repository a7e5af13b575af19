package com.spaceduck.identity.agents;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent acting for a duckling; bonded once its owner vouches for it. A row of {@code agents}.
 */
public class Agent {

  public UUID id;

  public UUID ducklingId;

  public String name;

  public Instant bondedAt;

  public Instant createdAt;
}
