package com.spaceduck.identity.trust;

import jakarta.validation.constraints.Size;

/** An operator's optional note on an approval or rejection. */
public record DecisionRequest(@Size(max = MAX_REASON) String reason) {

  public static final int MAX_REASON = 500;
}
