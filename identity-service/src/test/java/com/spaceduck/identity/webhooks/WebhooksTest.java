package com.spaceduck.identity.webhooks;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class WebhooksTest {

  static ValidatableResponse create(TestDuckling owner, Object body) {
    return owner.as().contentType(ContentType.JSON).body(body).post("/beak/webhooks").then();
  }

  static String createdId(TestDuckling owner, String url, List<String> events) {
    return WebhookFixtures.subscribe(owner, Map.of("url", url, "events", events)).id();
  }

  @Test
  void createdWebhookShowsItsSecretOnce() {
    TestDuckling owner = TestDucklings.create();
    String secret =
        create(
                owner,
                Map.of(
                    "url",
                    "https://hooks.example.com/in",
                    "events",
                    List.of("agent.registered", "peck.sent"),
                    "description",
                    "my pond"))
            .statusCode(201)
            .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{32}"))
            .body("enabled", equalTo(true))
            .body("ordered", equalTo(false))
            .body("events", contains("agent.registered", "peck.sent"))
            .extract()
            .path("secret");
    assertEquals(24, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
    owner
        .as()
        .get("/beak/webhooks")
        .then()
        .statusCode(200)
        .body("webhooks", hasSize(1))
        .body("webhooks[0].description", equalTo("my pond"))
        .body("webhooks[0]", not(org.hamcrest.Matchers.hasKey("secret")));
  }

  @Test
  void anotherDucklingsWebhookIsNotFound() {
    TestDuckling owner = TestDucklings.create();
    TestDuckling stranger = TestDucklings.create();
    String id = createdId(owner, "https://hooks.example.com/a", List.of("cert.issued"));
    assertProblem(stranger.as().get("/beak/webhooks/" + id).then(), 404, "E4005");
    assertProblem(
        stranger
            .as()
            .contentType(ContentType.JSON)
            .body(Map.of("enabled", false))
            .patch("/beak/webhooks/" + id)
            .then(),
        404,
        "E4005");
    assertProblem(stranger.as().delete("/beak/webhooks/" + id).then(), 404, "E4005");
    assertProblem(
        stranger.as().post("/beak/webhooks/" + id + "/secret/rotate").then(), 404, "E4005");
    stranger.as().get("/beak/webhooks").then().statusCode(200).body("webhooks", hasSize(0));
    owner.as().get("/beak/webhooks/" + id).then().statusCode(200);
  }

  @Test
  void patchChangesOnlyWhatItNames() {
    TestDuckling owner = TestDucklings.create();
    String id = createdId(owner, "https://hooks.example.com/a", List.of("cert.issued"));
    owner
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("events", List.of("trust.elevated"), "ordered", true, "enabled", false))
        .patch("/beak/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("url", equalTo("https://hooks.example.com/a"))
        .body("events", contains("trust.elevated"))
        .body("ordered", equalTo(true))
        .body("enabled", equalTo(false));
    assertProblem(
            owner
                .as()
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://169.254.169.254/latest/meta-data/"))
                .patch("/beak/webhooks/" + id)
                .then(),
            400,
            "E4000")
        .body("errors[0].field", equalTo("url"));
    owner.as().delete("/beak/webhooks/" + id).then().statusCode(204);
    assertProblem(owner.as().get("/beak/webhooks/" + id).then(), 404, "E4005");
  }

  @Test
  void patchIsStoredAndLeavesTheSequenceSecretsAndFailureMarksAlone() {
    TestDuckling owner = TestDucklings.create();
    String id = createdId(owner, "https://hooks.example.com/p", List.of("cert.issued"));
    String secret =
        TestDucklings.queryString(
            "select secret from webhook_subscriptions where id = ?::uuid", id);
    // As the fan-out and the delivery worker leave it: sequence taken, switched off for failing.
    TestDucklings.execute(
        "update webhook_subscriptions set next_sequence = 7, enabled = false,"
            + " disabled_reason = 'failing', disabled_at = now(), failing_since = now()"
            + " where id = ?::uuid",
        id);
    owner
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("url", "https://hooks.example.com/q", "description", "renamed"))
        .patch("/beak/webhooks/" + id)
        .then()
        .statusCode(200);
    owner
        .as()
        .get("/beak/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("url", equalTo("https://hooks.example.com/q"))
        .body("description", equalTo("renamed"))
        .body("events", contains("cert.issued"))
        .body("enabled", equalTo(false))
        .body("disabled_reason", equalTo("failing"));
    String row =
        "select next_sequence || ' ' || secret || ' ' || enabled || ' '"
            + " || (failing_since is not null) from webhook_subscriptions where id = ?::uuid";
    assertEquals("7 " + secret + " false true", TestDucklings.queryString(row, id));
    // Enabling clears why and since when it was off; the sequence goes on.
    owner
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("enabled", true))
        .patch("/beak/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("enabled", equalTo(true))
        .body("disabled_reason", nullValue());
    assertEquals(
        "7 true 0",
        TestDucklings.queryString(
            "select next_sequence || ' ' || enabled || ' ' || num_nonnulls(disabled_reason,"
                + " disabled_at, failing_since) from webhook_subscriptions where id = ?::uuid",
            id));
  }

  @Test
  void refusedTargetsAndUnknownEventsAreFieldErrors() {
    TestDuckling owner = TestDucklings.create();
    assertProblem(
            create(
                owner,
                Map.of(
                    "url",
                    "http://169.254.169.254/latest/meta-data/",
                    "events",
                    List.of("agent.registered", "duck.quacked"))),
            400,
            "E4000")
        .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("url", "events[1]"));
    assertProblem(
        create(owner, Map.of("url", "https://[fd00:ec2::254]/", "events", List.of("cert.issued"))),
        400,
        "E4000");
    assertProblem(
        create(owner, Map.of("url", "ftp://hooks.example.com/", "events", List.of("cert.issued"))),
        400,
        "E4000");
    assertProblem(
        create(
            owner,
            Map.of(
                "url",
                "https://hooks.example.com/" + "a".repeat(2100),
                "events",
                List.of("cert.issued"))),
        400,
        "E4000");
    assertProblem(create(owner, Map.of("url", "https://hooks.example.com/")), 400, "E4000");
  }

  @Test
  void aDucklingHoldsAtMostTwentyWebhooks() {
    TestDuckling owner = TestDucklings.create();
    for (int i = 0; i < 20; i++) {
      createdId(owner, "https://hooks.example.com/" + i, List.of("cert.issued"));
    }
    assertProblem(
        create(
            owner, Map.of("url", "https://hooks.example.com/x", "events", List.of("cert.issued"))),
        409,
        "E4003");
  }

  @Test
  void rotationGivesANewSecretAndKeepsTheOldOneFor24Hours() {
    TestDuckling owner = TestDucklings.create();
    String secret =
        create(
                owner,
                Map.of("url", "https://hooks.example.com/r", "events", List.of("cert.issued")))
            .statusCode(201)
            .extract()
            .path("secret");
    String id = owner.as().get("/beak/webhooks").then().extract().path("webhooks[0].webhook_id");
    String rotated =
        owner
            .as()
            .post("/beak/webhooks/" + id + "/secret/rotate")
            .then()
            .statusCode(200)
            .body("previous_secret_expires_at", notNullValue())
            .extract()
            .path("secret");
    assertNotEquals(secret, rotated);
    assertEquals(
        secret,
        TestDucklings.queryString(
            "select previous_secret from webhook_subscriptions where id = ?::uuid", id));
  }

  @Test
  void aBeakKeyWorksInTheQueryOnWebhookRoutes() {
    TestDuckling owner = TestDucklings.create();
    String key = TestDucklings.createBeakKey(owner, Map.of("name", "hooks"));
    given()
        .queryParam("beak_key", key)
        .contentType(ContentType.JSON)
        .body(Map.of("url", "https://hooks.example.com/k", "events", List.of("peck.sent")))
        .post("/beak/webhooks")
        .then()
        .statusCode(201);
    given()
        .queryParam("beak_key", key)
        .get("/beak/webhooks")
        .then()
        .statusCode(200)
        .body("webhooks", hasSize(1))
        .body("webhooks[0].disabled_reason", nullValue());
    assertProblem(given().get("/beak/webhooks").then(), 401, "E4001");
  }
}
