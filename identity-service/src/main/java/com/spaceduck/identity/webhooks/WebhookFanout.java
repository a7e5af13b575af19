package com.spaceduck.identity.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.events.Event;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an event into one pending message per enabled subscription of its ducklings that wants its
 * type. It runs in the event consumer's transaction, beside the event's dedup row, so a redelivered
 * event adds nothing and a crash mid-way loses nothing.
 */
@ApplicationScoped
public class WebhookFanout {

  private final ObjectMapper json;
  private final Clock clock;
  private final WebhookDelivery delivery;
  private final WebhookMessageRepository messages;

  public WebhookFanout(
      ObjectMapper json, Clock clock, WebhookDelivery delivery, WebhookMessageRepository messages) {
    this.json = json;
    this.clock = clock;
    this.delivery = delivery;
    this.messages = messages;
  }

  /** Writes the messages of {@code event} for the subscriptions of {@code ducklings}. */
  public Uni<Void> fanOut(Event<? extends EventData> event, List<UUID> ducklings) {
    String payload = payload(event.type(), event.occurredAt().toString(), event.data());
    return messages
        .fanOut(
            ducklings,
            event.id(),
            event.type(),
            payload,
            clock.instant().truncatedTo(ChronoUnit.MICROS))
        .replaceWithVoid();
  }

  /**
   * The consumer's transaction with fanned-out messages has committed: the worker sends them now,
   * not at its next timer run (woken earlier, it would not see them yet).
   */
  public void committed() {
    delivery.wake();
  }

  /** The Standard Webhooks body: {@code {type, timestamp, data}}, data in snake_case. */
  String payload(String type, String timestamp, Object data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("timestamp", timestamp);
    body.put("data", data);
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Event data of " + type + " could not be written", e);
    }
  }
}
