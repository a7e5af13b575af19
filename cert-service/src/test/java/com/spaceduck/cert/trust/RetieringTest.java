package com.spaceduck.cert.trust;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.StreamEvents;
import com.spaceduck.platform.contracts.TrustElevated;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class RetieringTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Inject StreamEvents events;

  @Test
  void elevationsMoveTheCertificateAndAreKeptInTheHistory() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();

    events.publish(events.elevated(duckling, "T0", "T1"));
    await().atMost(PATIENCE).until(() -> "T1".equals(CertRows.column(duckling, "trust_tier")));
    events.publish(events.elevated(duckling, "T1", "T2"));
    await().atMost(PATIENCE).until(() -> "T2".equals(CertRows.column(duckling, "trust_tier")));

    assertEquals(List.of("T0->T1", "T1->T2"), CertRows.tierHistory(certId));
    assertEquals("ISSUED", CertRows.column(duckling, "cert_status"));
  }

  @Test
  void eachNewTierIsAnnouncedAsCertIssuedWithThatTier() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();

    events.publish(events.elevated(duckling, "T0", "T1"));
    await().atMost(PATIENCE).until(() -> events.certIssued(duckling).size() == 1);
    events.publish(events.elevated(duckling, "T1", "T2"));
    await().atMost(PATIENCE).until(() -> events.certIssued(duckling).size() == 2);

    List<Event<JsonNode>> issued = events.certIssued(duckling);
    assertEquals(
        List.of("T1", "T2"),
        issued.stream().map(event -> event.data().path("trust_tier").asText()).toList());
    for (Event<JsonNode> event : issued) {
      assertEquals(certId.toString(), event.subject());
      assertEquals(certId.toString(), event.data().path("cert_id").asText());
    }
  }

  @Test
  void anElevationThatChangesNothingAnnouncesNothing() {
    UUID duckling = UUID.randomUUID();
    CertRows.issued().owner(duckling).tier("T2").insert();
    Event<JsonNode> elevated = events.elevated(duckling, "T2", "T3");
    events.publish(elevated);
    await().atMost(PATIENCE).until(() -> events.certIssued(duckling).size() == 1);

    // The same elevation again (redelivered) and a superseded one: no second cert.issued.
    events.publish(elevated);
    Event<JsonNode> late = events.publish(events.elevated(duckling, "T0", "T1"));
    await().atMost(PATIENCE).until(() -> CertRows.processed(late.id()) && events.pending() == 0);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(PATIENCE)
        .until(() -> events.certIssued(duckling).size() == 1);
    assertEquals("T3", events.certIssued(duckling).get(0).data().path("trust_tier").asText());
  }

  @Test
  void elevationBeforeHatchingIsRetriedUntilTheCertificateExists() {
    UUID duckling = UUID.randomUUID();
    Event<JsonNode> elevated = events.publish(events.elevated(duckling, "T0", "T1"));
    // Long enough for the consumer to try (and fail) at least once: it stays unacknowledged.
    await()
        .during(Duration.ofMillis(1500))
        .atMost(PATIENCE)
        .until(
            () ->
                !CertRows.processed(elevated.id()) && CertRows.column(duckling, "cert_id") == null);

    events.publish(events.hatched(duckling, "Early Bird", "GB"));
    await().atMost(PATIENCE).until(() -> "T1".equals(CertRows.column(duckling, "trust_tier")));
    UUID certId = UUID.fromString(CertRows.column(duckling, "cert_id"));
    assertEquals(List.of("-->T0", "T0->T1"), CertRows.tierHistory(certId));
  }

  @Test
  void supersededElevationChangesNothing() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).tier("T2").insert();

    Event<JsonNode> late = events.publish(events.elevated(duckling, "T0", "T1"));
    await().atMost(PATIENCE).until(() -> CertRows.processed(late.id()));
    assertEquals("T2", CertRows.column(duckling, "trust_tier"));
    assertEquals(List.of(), CertRows.tierHistory(certId));
  }

  @Test
  void elevationWithAnUnknownTierIsAcknowledgedAndIgnored() {
    UUID duckling = UUID.randomUUID();
    CertRows.issued().owner(duckling).insert();

    Event<JsonNode> broken =
        events.publish(
            events.event(
                TrustElevated.NAME,
                duckling.toString(),
                Map.of("duckling_id", duckling.toString(), "to_tier", "T9")));
    UUID other = UUID.randomUUID();
    CertRows.issued().owner(other).insert();
    Event<JsonNode> after = events.publish(events.elevated(other, "T0", "T1"));

    // Data that does not fit the contract is acknowledged and never applied, nor retried.
    await().atMost(PATIENCE).until(() -> CertRows.processed(after.id()));
    await().atMost(PATIENCE).until(() -> events.pending() == 0);
    assertFalse(CertRows.processed(broken.id()));
    assertEquals("T0", CertRows.column(duckling, "trust_tier"));
  }

  @Test
  void redeliveredElevationIsAppliedOnce() {
    UUID duckling = UUID.randomUUID();
    UUID certId = CertRows.issued().owner(duckling).insert();
    Event<JsonNode> elevated = events.elevated(duckling, "T0", "T3");
    events.publish(elevated);
    events.publish(elevated);

    await().atMost(PATIENCE).until(() -> CertRows.processed(elevated.id()));
    await().atMost(PATIENCE).until(() -> events.pending() == 0);
    assertEquals("T3", CertRows.column(duckling, "trust_tier"));
    assertEquals(List.of("T0->T3"), CertRows.tierHistory(certId));
  }
}
