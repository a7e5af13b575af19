package com.spaceduck.identity.agents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RegisterAgentRequest(@NotBlank @Size(max = 100) String name) {}
