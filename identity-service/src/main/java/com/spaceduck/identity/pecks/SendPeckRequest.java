package com.spaceduck.identity.pecks;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code body} is any JSON value of at most 4 KiB (as compact UTF-8). */
public record SendPeckRequest(
    @Schema(examples = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") @NotNull UUID fromAgentId,
    @Schema(examples = "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f") @NotNull UUID toAgentId,
    @Schema(
            implementation = Object.class,
            required = true,
            description = "The peck: any JSON object, at most 4 KiB",
            examples = "{\"text\": \"quack\"}")
        @NotNull
        JsonNode body) {}
