package com.spaceduck.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The wire form of {@link Event}, written field by field so no reflection is needed. */
@ApplicationScoped
public class EventCodec {

  private final ObjectMapper json;

  public EventCodec(ObjectMapper json) {
    this.json = json;
  }

  public String encode(Event event) {
    ObjectNode node = json.createObjectNode();
    node.put("id", event.id().toString());
    node.put("type", event.type());
    node.put("occurred_at", event.occurredAt().toString());
    node.put("subject", event.subject());
    node.set("data", event.data());
    node.put("version", event.version());
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Decodes one stream entry; a malformed entry is an {@link IllegalArgumentException}. */
  public Event decode(String payload) {
    try {
      JsonNode node = json.readTree(payload);
      return new Event(
          UUID.fromString(required(node, "id")),
          required(node, "type"),
          Instant.parse(required(node, "occurred_at")),
          node.path("subject").asText(null),
          node.path("data"),
          node.path("version").asInt(1));
    } catch (JsonProcessingException | DateTimeParseException e) {
      throw new IllegalArgumentException("Malformed event: " + e.getMessage(), e);
    }
  }

  /** Event data from a plain map of strings, numbers, booleans, lists and maps. */
  public JsonNode data(Object value) {
    return json.valueToTree(value);
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("Malformed event: no " + field);
    }
    return value.asText();
  }
}
