package com.spaceduck.cert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.spaceduck.cert.support.CertRows;
import com.spaceduck.platform.contracts.DucklingHatched;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventCodec;
import com.spaceduck.platform.problem.ProblemFamily;
import com.spaceduck.platform.testing.LocalRedis;
import com.spaceduck.platform.testing.PackagedApplication;
import com.spaceduck.platform.testing.PackagedConventionsContract;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged cert-service keeps the HTTP conventions and serves its main flow: a {@code
 * duckling.hatched} event on the stream becomes an issued certificate that anyone can verify.
 */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(PackagedApplication.class)
class PackagedIT extends PackagedConventionsContract {

  PackagedIT() {
    super(ProblemFamily.SNAKE_CASE);
  }

  @Test
  void aHatchedDucklingGetsACertificateThatVerifies() {
    UUID duckling = UUID.randomUUID();
    Event<DucklingHatched> hatched =
        new Event<>(
            UUID.randomUUID(),
            DucklingHatched.NAME,
            Instant.now(),
            duckling.toString(),
            new DucklingHatched(duckling, "Jane Doe", "example.com", "NZ"),
            DucklingHatched.VERSION);
    LocalRedis.command(
        "XADD", PostgresTestDatabase.stream(), "*", "event", new EventCodec().encode(hatched));

    await().atMost(Duration.ofSeconds(30)).until(() -> CertRows.count(duckling) == 1);
    String certId = CertRows.column(duckling, "cert_id");

    given()
        .contentType(ContentType.JSON)
        .body("{\"cert_id\":\"" + certId + "\"}")
        .post("/beak/cert/verify")
        .then()
        .statusCode(200)
        .body("cert_id", equalTo(certId))
        .body("cert_status", equalTo("ISSUED"))
        .body("trust_tier", equalTo("T0"))
        .body("verified", equalTo(true));
  }
}
