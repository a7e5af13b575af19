package com.spaceduck.identity.trust;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operator's optional note on an approval or rejection. */
public record DecisionRequest(
    @Schema(examples = "Address confirmed by letter") @Size(max = MAX_REASON) String reason) {

  public static final int MAX_REASON = 500;
}
