package com.spaceduck.identity.pecks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One peck in a listing. */
public record PeckView(
    UUID peckId,
    UUID fromAgentId,
    UUID toAgentId,
    @Schema(implementation = Object.class, description = "The peck: any JSON object, at most 4 KiB")
        JsonNode body,
    Instant sentAt) {}
