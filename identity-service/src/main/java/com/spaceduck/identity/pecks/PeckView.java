package com.spaceduck.identity.pecks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One peck in a listing. */
public record PeckView(
    UUID peckId, UUID fromAgentId, UUID toAgentId, JsonNode body, Instant sentAt) {}
