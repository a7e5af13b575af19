package com.spaceduck.identity.signup;

import static com.spaceduck.identity.TestDucklings.PASSWORD;
import static com.spaceduck.identity.TestDucklings.freshEmail;
import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.identity.TestDucklings.queryString;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.identity.TestDucklings;
import com.spaceduck.platform.contracts.DucklingHatched;
import com.spaceduck.platform.events.EventCodec;
import com.spaceduck.platform.events.EventsConfig;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class SignupTest {

  @Inject RedisDataSource redis;
  @Inject EventsConfig events;
  @Inject EventCodec codec;
  @Inject ObjectMapper json;

  private static ValidatableResponse signup(Map<String, ?> body) {
    return given().contentType(ContentType.JSON).body(body).post("/beak/signup").then();
  }

  @Test
  void signupCreatesT0DucklingWithNormalisedEmail() {
    String email = freshEmail();
    signup(Map.of("email", "  " + email.toUpperCase() + " ", "password", PASSWORD))
        .statusCode(201)
        .contentType(ContentType.JSON)
        .body("duckling_id", matchesPattern("[0-9a-f-]{36}"))
        .body("email", equalTo(email))
        .body("display_name", equalTo(email.substring(0, email.indexOf('@'))))
        .body("trust_tier", equalTo("T0"))
        .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
  }

  @Test
  void signupKeepsGivenDisplayName() {
    signup(Map.of("email", freshEmail(), "password", PASSWORD, "display_name", " Jane Duck "))
        .statusCode(201)
        .body("display_name", equalTo("Jane Duck"));
  }

  @Test
  void passwordIsStoredAsArgon2idHashOnly() {
    String email = freshEmail();
    signup(Map.of("email", email, "password", PASSWORD)).statusCode(201);
    String hash = queryString("select password_hash from ducklings where email = ?", email);
    assertTrue(hash.startsWith("$argon2id$v=19$"), hash);
    assertTrue(!hash.contains(PASSWORD));
  }

  @Test
  void duplicateEmailIsConflictWhateverItsCase() {
    String email = freshEmail();
    signup(Map.of("email", email, "password", PASSWORD)).statusCode(201);
    assertProblem(signup(Map.of("email", email.toUpperCase(), "password", PASSWORD)), 409, "E4003");
  }

  @Test
  void concurrentDuplicatesCreateOneDucklingAndOneEvent() {
    String email = freshEmail();
    String name = "racer-" + UUID.randomUUID();
    List<CompletableFuture<Integer>> attempts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      attempts.add(
          CompletableFuture.supplyAsync(
              () ->
                  given()
                      .contentType(ContentType.JSON)
                      .body(Map.of("email", email, "password", PASSWORD, "display_name", name))
                      .post("/beak/signup")
                      .statusCode()));
    }
    List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    assertEquals(1, queryLong("select count(*) from ducklings where email = ?", email));
    assertEquals(
        1,
        queryLong(
            "select count(*) from event_outbox where type = 'duckling.hatched' and payload like ?",
            "%" + name + "%"));
  }

  @Test
  void invalidEmailAndWeakPasswordAreFieldErrors() {
    assertProblem(
            signup(Map.of("email", "not-an-email", "password", "aaaaaaaaaaaaaaaa")), 400, "E4000")
        .body("errors.field", hasItems("email", "password"));
  }

  @Test
  void passwordPolicyRulesAreEachReported() {
    String email = freshEmail();
    assertProblem(signup(Map.of("email", email, "password", "Short1")), 400, "E4000")
        .body("errors.field", hasItem("password"));
    assertProblem(signup(Map.of("email", email, "password", "alllowercaseletters")), 400, "E4000")
        .body("errors[0].message", matchesPattern(".*at least two.*"));
    assertProblem(signup(Map.of("email", email, "password", "X1" + email)), 400, "E4000")
        .body("errors[0].message", matchesPattern(".*email.*"));
    assertProblem(signup(Map.of("email", email, "password", "Aa1".repeat(43))), 400, "E4000")
        .body("errors[0].field", equalTo("password"));
  }

  @Test
  void missingFieldsAndOversizedFieldsAreFieldErrors() {
    assertProblem(signup(Map.of()), 400, "E4000")
        .body("errors.field", hasItems("email", "password"));
    String longLocal = "a".repeat(250) + "@x.io";
    assertProblem(signup(Map.of("email", longLocal, "password", PASSWORD)), 400, "E4000")
        .body("errors[0].field", equalTo("email"));
    assertProblem(
            signup(
                Map.of(
                    "email", freshEmail(), "password", PASSWORD, "display_name", "d".repeat(101))),
            400,
            "E4000")
        .body("errors[0].field", equalTo("display_name"));
    assertProblem(
            signup(Map.of("email", freshEmail(), "password", PASSWORD, "display_name", "   ")),
            400,
            "E4000")
        .body("errors[0].field", equalTo("display_name"));
  }

  @Test
  void wrongJsonTypesAndMalformedBodiesAreProblems() {
    assertProblem(
        given().contentType(ContentType.JSON).body("{\"email\": ").post("/beak/signup").then(),
        400,
        "E4000");
    assertProblem(
            given()
                .contentType(ContentType.JSON)
                .body("{\"email\":[1],\"password\":\"x\"}")
                .post("/beak/signup")
                .then(),
            400,
            "E4000")
        .body("errors[0].field", equalTo("email"));
  }

  @Test
  void hatchedEventIsInOutboxAndReachesTheStream() throws Exception {
    String email = freshEmail();
    String id =
        given()
            .contentType(ContentType.JSON)
            .header("X-Geo-Country", "de")
            .body(Map.of("email", email, "password", PASSWORD, "display_name", "Quackers"))
            .post("/beak/signup")
            .then()
            .statusCode(201)
            .extract()
            .path("duckling_id");
    // The event row was committed with the duckling (no later write could have added it).
    String payload =
        queryString(
            "select payload from event_outbox where type = 'duckling.hatched' and payload like ?",
            "%" + id + "%");
    assertTrue(payload != null, "the outbox row exists once the sign-up has answered");

    Map<String, String> expected = new HashMap<>();
    expected.put("duckling_id", id);
    expected.put("display_name", "Quackers");
    expected.put("email_domain", "pond.test");
    expected.put("country", "DE");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode data = streamEvent(id);
              assertTrue(data != null, "the event reached the stream");
              assertEquals(expected, json.convertValue(data, Map.class));
            });
  }

  @Test
  void unknownOrMalformedCountryBecomesZz() {
    for (String header : new String[] {"", "D", "DEU", "1A", "É1", "de "}) {
      String id =
          given()
              .contentType(ContentType.JSON)
              .header("X-Geo-Country", header)
              .body(Map.of("email", freshEmail(), "password", PASSWORD))
              .post("/beak/signup")
              .then()
              .statusCode(201)
              .extract()
              .path("duckling_id");
      String expected = header.equals("de ") ? "DE" : "ZZ";
      assertEquals(
          expected,
          queryString("select country from ducklings where id = ?", UUID.fromString(id)),
          "header [" + header + "]");
    }
    String id =
        signup(Map.of("email", freshEmail(), "password", PASSWORD))
            .statusCode(201)
            .body("duckling_id", notNullValue())
            .extract()
            .path("duckling_id");
    assertEquals(
        "ZZ", queryString("select country from ducklings where id = ?", UUID.fromString(id)));
  }

  private JsonNode streamEvent(String ducklingId) {
    return redis.stream(String.class).xrange(events.stream(), StreamRange.of("-", "+")).stream()
        .map(entry -> TestDucklings.decodeOrNull(codec, entry.payload().get("event")))
        .filter(java.util.Objects::nonNull)
        .filter(event -> event.type().equals(DucklingHatched.NAME))
        .filter(event -> event.subject().equals(ducklingId))
        .map(event -> event.data())
        .findFirst()
        .orElse(null);
  }
}
