package com.spaceduck.identity.newsletter;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SubscribeRequest(
    @Schema(examples = "ada@example.com") @NotNull @Size(max = 254) String email) {}
