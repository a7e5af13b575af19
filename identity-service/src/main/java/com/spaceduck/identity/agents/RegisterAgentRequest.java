package com.spaceduck.identity.agents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RegisterAgentRequest(
    @Schema(examples = "quack-bot") @NotBlank @Size(max = 100) String name) {}
