package com.spaceduck.identity.pecks;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code body} is any JSON value of at most 4 KiB (as compact UTF-8). */
public record SendPeckRequest(
    @NotNull UUID fromAgentId,
    @NotNull UUID toAgentId,
    @Schema(implementation = Object.class, description = "The peck: any JSON object, at most 4 KiB")
        @NotNull
        JsonNode body) {}
