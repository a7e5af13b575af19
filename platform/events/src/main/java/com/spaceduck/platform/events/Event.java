package com.spaceduck.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One platform event, as published on the stream: {@code {id, type, occurred_at, subject, data,
 * version}}. {@code subject} is the id of the thing the event is about (a duckling id, say).
 */
public record Event(
    UUID id, String type, Instant occurredAt, String subject, JsonNode data, int version) {}
