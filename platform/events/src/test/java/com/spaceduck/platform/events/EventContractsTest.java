package com.spaceduck.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.platform.contracts.AgentRegistered;
import com.spaceduck.platform.contracts.CertIssued;
import com.spaceduck.platform.contracts.DucklingHatched;
import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.contracts.EventType;
import com.spaceduck.platform.contracts.EventTypes;
import com.spaceduck.platform.contracts.OperatorChanged;
import com.spaceduck.platform.contracts.PeckSent;
import com.spaceduck.platform.contracts.TrustElevated;
import com.spaceduck.platform.contracts.TrustTier;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire contract of every event type: what a producer writes is exactly the committed fixture
 * {@code contracts/<type>.v<version>.json} (field names, JSON types, version), and what a consumer
 * reads from that fixture is the record the producer started from. A field renamed or retyped in a
 * record changes the written JSON and fails here, as does an event type without a fixture.
 */
class EventContractsTest {

  private static final UUID EVENT_ID = UUID.fromString("0b7d2c2e-4d38-4a64-9d8c-2a0c1f3e5a01");
  private static final UUID DUCKLING = UUID.fromString("6f1c7c57-2d7f-4d4e-9f43-5b0f3a4c8e11");
  private static final UUID OTHER = UUID.fromString("9a2e4b61-0c3d-4f5e-8a7b-1c2d3e4f5a6b");
  private static final UUID PECKED = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
  private static final UUID PECKED_OWNER = UUID.fromString("d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6");
  private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123Z");

  /** One example of each event type's data, as its producer fills it in. */
  private static final Map<EventType<?>, EventData> SAMPLES =
      Map.of(
          DucklingHatched.TYPE, new DucklingHatched(DUCKLING, "Dewey Duck", "example.com", "NL"),
          TrustElevated.TYPE, new TrustElevated(DUCKLING, TrustTier.T1, TrustTier.T2),
          AgentRegistered.TYPE, new AgentRegistered(OTHER, DUCKLING, "Scout"),
          CertIssued.TYPE, new CertIssued(OTHER, DUCKLING, TrustTier.T0),
          OperatorChanged.TYPE, new OperatorChanged(DUCKLING, true, AT),
          PeckSent.TYPE,
              new PeckSent(EVENT_ID, OTHER, DUCKLING, PECKED, PECKED_OWNER, "{\"hello\":1}", AT));

  private final EventCodec codec = new EventCodec();
  private final ObjectMapper json = new ObjectMapper();

  static Stream<EventType<?>> types() {
    return EventTypes.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void producerWritesTheFixture(EventType<?> type) throws IOException {
    String written = codec.encode(event(type, SAMPLES.get(type)));
    assertEquals(fixture(type), json.readTree(written), "the wire form of " + type);
  }

  @ParameterizedTest
  @MethodSource("types")
  void consumerReadsTheFixture(EventType<?> type) throws IOException {
    String stored = json.writeValueAsString(fixture(type));
    Event<? extends EventData> read = codec.typed(codec.decode(stored), type);
    assertEquals(event(type, SAMPLES.get(type)), read);
  }

  @Test
  void everyTypeHasASample() {
    assertEquals(EventTypes.ALL.size(), SAMPLES.size());
    EventTypes.ALL.forEach(type -> assertEquals(type, SAMPLES.get(type).eventType()));
  }

  @Test
  void dataOfTheWrongShapeIsRefused() {
    String payload =
        "{\"id\":\"%s\",\"type\":\"trust.elevated\",\"occurred_at\":\"%s\",\"subject\":\"s\",\"data\":{\"duckling_id\":\"%s\",\"from_tier\":\"T1\",\"to_tier\":\"T9\"},\"version\":1}"
            .formatted(EVENT_ID, AT, DUCKLING);
    Event<JsonNode> envelope = codec.decode(payload);
    assertThrows(IllegalArgumentException.class, () -> codec.typed(envelope, TrustElevated.TYPE));
  }

  @Test
  void fieldsAConsumerDoesNotKnowAreIgnored() {
    String payload =
        "{\"id\":\"%s\",\"type\":\"cert.issued\",\"occurred_at\":\"%s\",\"subject\":\"s\",\"data\":{\"cert_id\":\"%s\",\"duckling_id\":\"%s\",\"trust_tier\":\"T0\",\"added_later\":true},\"version\":1}"
            .formatted(EVENT_ID, AT, OTHER, DUCKLING);
    Event<CertIssued> read = codec.typed(codec.decode(payload), CertIssued.TYPE);
    assertEquals(new CertIssued(OTHER, DUCKLING, TrustTier.T0), read.data());
  }

  private static <T extends EventData> Event<T> event(EventType<?> type, T data) {
    return new Event<>(EVENT_ID, type.name(), AT, DUCKLING.toString(), data, type.version());
  }

  private JsonNode fixture(EventType<?> type) throws IOException {
    String name = "/contracts/" + type.name() + ".v" + type.version() + ".json";
    try (InputStream in = getClass().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("No contract fixture " + name + " for " + type);
      }
      return json.readTree(in);
    }
  }
}
