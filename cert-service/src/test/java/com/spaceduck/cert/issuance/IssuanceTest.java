package com.spaceduck.cert.issuance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.spaceduck.cert.support.CertRows;
import com.spaceduck.cert.support.StreamEvents;
import com.spaceduck.platform.contracts.DucklingHatched;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class IssuanceTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Inject StreamEvents events;

  @Test
  void hatchedDucklingGetsAnIssuedT0CertificateAndCertIssuedIsPublished() {
    UUID duckling = UUID.randomUUID();
    events.publish(events.hatched(duckling, "Jane Doe", "NZ"));

    await().atMost(PATIENCE).until(() -> CertRows.count(duckling) == 1);
    UUID certId = UUID.fromString(CertRows.column(duckling, "cert_id"));
    assertEquals("ISSUED", CertRows.column(duckling, "cert_status"));
    assertEquals("T0", CertRows.column(duckling, "trust_tier"));
    assertEquals("Jane Doe", CertRows.column(duckling, "display_name"));
    assertEquals("NZ", CertRows.column(duckling, "country"));
    assertEquals("0.1.0-SNAPSHOT", CertRows.column(duckling, "lambda_version"));
    Instant issuedAt = CertRows.instant(duckling, "issued_at");
    assertNotNull(issuedAt);
    assertEquals(
        issuedAt.plus(Duration.ofDays(365)),
        CertRows.instant(duckling, "expires_at"),
        "default lifetime");
    assertEquals(List.of("-->T0"), CertRows.tierHistory(certId));

    await().atMost(PATIENCE).until(() -> events.certIssued(duckling).size() == 1);
    Event<JsonNode> issued = events.certIssued(duckling).get(0);
    assertEquals(certId.toString(), issued.subject());
    assertEquals(certId.toString(), issued.data().path("cert_id").asText());
    assertEquals(duckling.toString(), issued.data().path("duckling_id").asText());
    assertEquals("T0", issued.data().path("trust_tier").asText());
  }

  @Test
  void redeliveredHatchedEventIssuesNothingNew() {
    UUID duckling = UUID.randomUUID();
    Event<JsonNode> hatched = events.hatched(duckling, "Dup Licate", "FR");
    events.publish(hatched);
    events.publish(hatched);

    await().atMost(PATIENCE).until(() -> CertRows.processed(hatched.id()));
    await().atMost(PATIENCE).until(() -> events.pending() == 0);
    await().atMost(PATIENCE).until(() -> events.certIssued(duckling).size() == 1);
    // Through several relay and consumer rounds, the duplicate (wrongly) produces nothing.
    await()
        .during(Duration.ofSeconds(1))
        .atMost(PATIENCE)
        .until(() -> CertRows.count(duckling) == 1 && events.certIssued(duckling).size() == 1);
  }

  @Test
  void secondHatchedEventForTheSameDucklingIssuesNothingNew() {
    UUID duckling = UUID.randomUUID();
    events.publish(events.hatched(duckling, "First Name", "DE"));
    await().atMost(PATIENCE).until(() -> CertRows.count(duckling) == 1);
    String certId = CertRows.column(duckling, "cert_id");

    Event<JsonNode> again = events.publish(events.hatched(duckling, "Other Name", "US"));
    await().atMost(PATIENCE).until(() -> CertRows.processed(again.id()));
    await()
        .during(Duration.ofMillis(500))
        .atMost(PATIENCE)
        .until(() -> CertRows.count(duckling) == 1);
    assertEquals(certId, CertRows.column(duckling, "cert_id"));
    assertEquals("First Name", CertRows.column(duckling, "display_name"));
    assertEquals(1, events.certIssued(duckling).size());
  }

  @Test
  void unknownCountryAndMissingDisplayNameAreNormalised() {
    UUID duckling = UUID.randomUUID();
    events.publish(
        events.event(
            DucklingHatched.NAME,
            duckling.toString(),
            Map.of("duckling_id", duckling.toString(), "country", "nz'; drop table")));

    await().atMost(PATIENCE).until(() -> CertRows.count(duckling) == 1);
    assertEquals("ZZ", CertRows.column(duckling, "country"));
    assertEquals("", CertRows.column(duckling, "display_name"));
  }

  @Test
  void hatchedEventWithoutADucklingIdIsAcknowledgedAndIgnored() {
    Event<JsonNode> broken =
        events.publish(
            events.event(DucklingHatched.NAME, "not-a-uuid", Map.of("display_name", "Nobody")));
    UUID later = UUID.randomUUID();
    events.publish(events.hatched(later, "After Broken", "ZZ"));

    await().atMost(PATIENCE).until(() -> CertRows.count(later) == 1);
    await().atMost(PATIENCE).until(() -> CertRows.processed(broken.id()));
    assertTrue(CertRows.processed(broken.id()), "the broken event is not retried forever");
  }
}
