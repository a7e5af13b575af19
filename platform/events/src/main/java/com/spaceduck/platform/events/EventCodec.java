package com.spaceduck.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The wire form of {@link Event}. It has its own JSON settings (snake_case fields, ISO-8601
 * instants, unknown fields ignored), so a service's JSON configuration never changes what the
 * platform publishes.
 */
@ApplicationScoped
public class EventCodec {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  public String encode(Event<?> event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", event.id().toString());
    node.put("type", event.type());
    node.put("occurred_at", event.occurredAt().toString());
    node.put("subject", event.subject());
    node.set("data", JSON.valueToTree(event.data()));
    node.put("version", event.version());
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * Decodes one stream entry's envelope, its data left as JSON; a malformed entry is an {@link
   * IllegalArgumentException}.
   */
  public Event<JsonNode> decode(String payload) {
    try {
      JsonNode node = JSON.readTree(payload);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("Malformed event: not a JSON object");
      }
      return new Event<>(
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

  /**
   * The envelope's data as the type's record; data that does not fit the record (a field of the
   * wrong type, say) is an {@link IllegalArgumentException}.
   */
  public <T extends EventData> Event<T> typed(Event<JsonNode> envelope, EventType<T> type) {
    try {
      return envelope.withData(JSON.treeToValue(envelope.data(), type.data()));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Malformed " + type + " data: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("Malformed event: no " + field);
    }
    return value.asText();
  }
}
