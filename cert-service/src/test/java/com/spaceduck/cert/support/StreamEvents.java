package com.spaceduck.cert.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.platform.contracts.CertIssued;
import com.spaceduck.platform.contracts.DucklingHatched;
import com.spaceduck.platform.contracts.OperatorChanged;
import com.spaceduck.platform.contracts.TrustElevated;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventCodec;
import com.spaceduck.platform.events.EventsConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Publishes events to this run's stream as other services would, and reads what is on it. */
@ApplicationScoped
public class StreamEvents {

  private final RedisDataSource redis;
  private final EventsConfig config;
  private final EventCodec codec;
  private final ObjectMapper json;

  public StreamEvents(
      RedisDataSource redis, EventsConfig config, EventCodec codec, ObjectMapper json) {
    this.redis = redis;
    this.config = config;
    this.codec = codec;
    this.json = json;
  }

  /** A new event (fresh id) of this type about this subject. */
  public Event<JsonNode> event(String type, String subject, Map<String, ?> data) {
    return new Event<>(UUID.randomUUID(), type, Instant.now(), subject, json.valueToTree(data), 1);
  }

  /** Adds the event to the stream, as identity-service's relay does. */
  public Event<JsonNode> publish(Event<JsonNode> event) {
    redis.stream(String.class).xadd(config.stream(), Map.of("event", codec.encode(event)));
    return event;
  }

  /** A {@code duckling.hatched} event as identity-service publishes it. */
  public Event<JsonNode> hatched(UUID duckling, String displayName, String country) {
    return event(
        DucklingHatched.NAME,
        duckling.toString(),
        Map.of(
            "duckling_id",
            duckling.toString(),
            "display_name",
            displayName,
            "email_domain",
            "example.com",
            "country",
            country));
  }

  /** A {@code trust.elevated} event as identity-service publishes it. */
  public Event<JsonNode> elevated(UUID duckling, String from, String to) {
    return event(
        TrustElevated.NAME,
        duckling.toString(),
        Map.of("duckling_id", duckling.toString(), "from_tier", from, "to_tier", to));
  }

  /**
   * Announces an operator grant or revocation as identity-service does, and waits until this
   * service has applied it.
   */
  public Event<JsonNode> operatorChanged(UUID duckling, boolean operator, Instant changedAt) {
    Event<JsonNode> event =
        publish(
            event(
                OperatorChanged.NAME,
                duckling.toString(),
                Map.of(
                    "duckling_id",
                    duckling.toString(),
                    "operator",
                    operator,
                    "changed_at",
                    changedAt.toString())));
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> CertRows.processed(event.id()));
    return event;
  }

  /** A duckling made operator now. */
  public UUID operator() {
    UUID operator = UUID.randomUUID();
    operatorChanged(operator, true, Instant.now());
    return operator;
  }

  /** Every event of this type on the stream. */
  public List<Event<JsonNode>> onStream(String type) {
    return redis.stream(String.class).xrange(config.stream(), StreamRange.of("-", "+")).stream()
        .map(entry -> entry.payload().get("event"))
        .flatMap(this::decoded)
        .filter(event -> type.equals(event.type()))
        .toList();
  }

  /** The {@code cert.issued} events on the stream about {@code duckling}, in stream order. */
  public List<Event<JsonNode>> certIssued(UUID duckling) {
    return onStream(CertIssued.NAME).stream()
        .filter(event -> duckling.toString().equals(event.data().path("duckling_id").asText()))
        .toList();
  }

  private java.util.stream.Stream<Event<JsonNode>> decoded(String payload) {
    try {
      return java.util.stream.Stream.of(codec.decode(payload));
    } catch (IllegalArgumentException | NullPointerException malformed) {
      // Tests also put malformed entries on the stream; they are nobody's event.
      return java.util.stream.Stream.empty();
    }
  }

  /** Entries delivered to this service's group and not yet acknowledged. */
  public long pending() {
    return redis.stream(String.class)
        .xpending(config.stream(), config.consumer().group())
        .getPendingCount();
  }
}
