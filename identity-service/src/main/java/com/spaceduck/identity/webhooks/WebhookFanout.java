package com.spaceduck.identity.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.events.Event;
import io.quarkus.hibernate.reactive.panache.Panache;
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

  // One statement: take a sequence number from each matching subscription and write its message.
  // The subscriptions are locked in id order: events handled concurrently for the same duckling
  // then queue for its rows instead of deadlocking over them.
  private static final String FAN_OUT =
      "with matching as ("
          + " select id from webhook_subscriptions"
          + " where duckling_id in (?1, ?2) and enabled and (',' || events || ',') like ?3"
          + " order by id for update),"
          + " subs as ("
          + " update webhook_subscriptions s set next_sequence = s.next_sequence + 1"
          + " from matching where s.id = matching.id"
          + " returning s.id, s.next_sequence - 1 as seq)"
          + " insert into webhook_messages (id, subscription_id, sequence, event_id, event_type,"
          + " payload, status, attempts, next_attempt_at, created_at)"
          + " select gen_random_uuid(), id, seq, ?4, ?5, ?6, 'pending', 0, ?7, ?7 from subs"
          + " on conflict do nothing";

  private final ObjectMapper json;
  private final Clock clock;
  private final WebhookDelivery delivery;

  public WebhookFanout(ObjectMapper json, Clock clock, WebhookDelivery delivery) {
    this.json = json;
    this.clock = clock;
    this.delivery = delivery;
  }

  /** Writes the messages of {@code event} for the subscriptions of {@code ducklings}. */
  public Uni<Void> fanOut(Event<? extends EventData> event, List<UUID> ducklings) {
    UUID first = ducklings.get(0);
    UUID second = ducklings.size() > 1 ? ducklings.get(1) : first;
    String payload = payload(event.type(), event.occurredAt().toString(), event.data());
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(FAN_OUT)
                    .setParameter(1, first)
                    .setParameter(2, second)
                    .setParameter(3, "%," + event.type() + ",%")
                    .setParameter(4, event.id())
                    .setParameter(5, event.type())
                    .setParameter(6, payload)
                    .setParameter(7, clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .executeUpdate())
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
