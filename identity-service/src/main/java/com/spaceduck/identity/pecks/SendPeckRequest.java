package com.spaceduck.identity.pecks;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** {@code body} is any JSON value of at most 4 KiB (as compact UTF-8). */
public record SendPeckRequest(
    @NotNull UUID fromAgentId, @NotNull UUID toAgentId, @NotNull JsonNode body) {}
