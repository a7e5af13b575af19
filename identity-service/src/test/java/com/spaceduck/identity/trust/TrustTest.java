package com.spaceduck.identity.trust;

import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.contracts.TrustElevated;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class TrustTest {

  @Inject RedisDataSource redis;
  @Inject EventsConfig events;
  @Inject EventCodec codec;

  private static ValidatableResponse elevate(TestDuckling duckling, Map<String, ?> body) {
    return duckling.as().contentType(ContentType.JSON).body(body).put("/beak/trust/elevate").then();
  }

  /** An operator rejects an elevation request, giving a reason. */
  private static ValidatableResponse reject(
      TestDuckling operator, String requestId, String reason) {
    return operator
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason))
        .post("/beak/trust/requests/" + requestId + "/reject")
        .then();
  }

  private static Map<String, String> t2Details() {
    return Map.of(
        "target_tier",
        "T2",
        "legal_name",
        "Jane Quackers",
        "postal_address",
        "1 Pond Lane, Duckford");
  }

  @Test
  void unknownOrLowestTargetTiersAreFieldErrors() {
    TestDuckling duckling = TestDucklings.create();
    for (String tier : List.of("T0", "T4", "t1")) {
      assertProblem(elevate(duckling, Map.of("target_tier", tier)), 400, "E4000")
          .body("errors[0].field", equalTo("target_tier"))
          .body("errors[0].message", equalTo("must be one of T1, T2, T3"));
    }
  }

  @Test
  void t1NeedsVerifiedEmailAndPhone() {
    TestDuckling duckling = TestDucklings.create();
    assertProblem(elevate(duckling, Map.of("target_tier", "T1")), 403, "E4002")
        .body("missing", hasItems("email_verified", "phone_verified"));
    TestDucklings.verifyEmail(duckling);
    assertProblem(elevate(duckling, Map.of("target_tier", "T1")), 403, "E4002")
        .body("missing", equalTo(List.of("phone_verified")));
    TestDucklings.verifyPhone(duckling);
    elevate(duckling, Map.of("target_tier", "T1"))
        .statusCode(200)
        .body("status", equalTo("granted"))
        .body("from_tier", equalTo("T0"))
        .body("trust_tier", equalTo("T1"));
    duckling.as().get("/beak/me").then().body("trust_tier", equalTo("T1"));
    assertElevatedEvent(duckling.id(), "T0", "T1");
  }

  @Test
  void tiersAreClimbedOneAtATime() {
    TestDuckling duckling = TestDucklings.create();
    assertProblem(elevate(duckling, t2Details()), 400, "E4000")
        .body("errors[0].field", equalTo("target_tier"))
        .body("errors[0].message", containsString("T1"));
    assertProblem(elevate(duckling, Map.of("target_tier", "T0")), 400, "E4000");
    assertProblem(elevate(duckling, Map.of("target_tier", "T4")), 400, "E4000");
    assertProblem(elevate(duckling, Map.of()), 400, "E4000");
    TestDuckling t1 = TestDucklings.atT1();
    assertProblem(elevate(t1, Map.of("target_tier", "T1")), 409, "E4003");
  }

  @Test
  void t2NeedsLegalNameAndAddressThenAnOperator() {
    TestDuckling duckling = TestDucklings.atT1();
    assertProblem(elevate(duckling, Map.of("target_tier", "T2")), 400, "E4000")
        .body("errors.field", hasItems("legal_name", "postal_address"));
    String requestId =
        elevate(duckling, t2Details())
            .statusCode(202)
            .body("status", equalTo("pending"))
            .body("target_tier", equalTo("T2"))
            .body("trust_tier", equalTo("T1"))
            .extract()
            .path("request_id");
    duckling
        .as()
        .get("/beak/trust")
        .then()
        .statusCode(200)
        .body("trust_tier", equalTo("T1"))
        .body("pending_request.request_id", equalTo(requestId));
    assertProblem(elevate(duckling, t2Details()), 409, "E4003");

    TestDuckling operator = TestDucklings.operator();
    operator
        .as()
        .get("/beak/trust/requests?status=pending")
        .then()
        .statusCode(200)
        .body("requests.request_id", hasItem(requestId));
    operator
        .as()
        .post("/beak/trust/requests/" + requestId + "/approve")
        .then()
        .statusCode(200)
        .body("status", equalTo("approved"))
        .body("trust_tier", equalTo("T2"));
    duckling
        .as()
        .get("/beak/trust")
        .then()
        .body("trust_tier", equalTo("T2"))
        .body("pending_request", nullValue());
    assertElevatedEvent(duckling.id(), "T1", "T2");
    assertProblem(
        operator.as().post("/beak/trust/requests/" + requestId + "/approve").then(), 409, "E4003");
    operator
        .as()
        .get("/beak/trust/requests?status=approved")
        .then()
        .body("requests.request_id", hasItem(requestId));
  }

  @Test
  void rejectedRequestLeavesTheTier() {
    TestDuckling duckling = TestDucklings.atT1();
    String requestId = elevate(duckling, t2Details()).statusCode(202).extract().path("request_id");
    TestDuckling operator = TestDucklings.operator();
    reject(operator, requestId, "address could not be confirmed")
        .statusCode(200)
        .body("status", equalTo("rejected"))
        .body("reason", equalTo("address could not be confirmed"));
    duckling.as().get("/beak/me").then().body("trust_tier", equalTo("T1"));
    assertProblem(
        operator.as().post("/beak/trust/requests/" + requestId + "/reject").then(), 409, "E4003");
    // A new request may follow a rejection, and a bare POST rejects too.
    String again = elevate(duckling, t2Details()).statusCode(202).extract().path("request_id");
    operator
        .as()
        .post("/beak/trust/requests/" + again + "/reject")
        .then()
        .statusCode(200)
        .body("reason", nullValue());
    assertProblem(
        operator
            .as()
            .contentType(ContentType.JSON)
            .body("{\"reason\": ")
            .post("/beak/trust/requests/" + UUID.randomUUID() + "/reject")
            .then(),
        400,
        "E4000");
    assertProblem(
            operator
                .as()
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x".repeat(DecisionRequest.MAX_REASON + 1)))
                .post("/beak/trust/requests/" + again + "/approve")
                .then(),
            400,
            "E4000")
        .body("errors[0].field", equalTo("reason"));
    // Only a body-less request may leave out its Content-Type: a body must say it is JSON.
    assertProblem(
        operator
            .as()
            .contentType(ContentType.TEXT)
            .body("reason")
            .post("/beak/trust/requests/" + again + "/approve")
            .then(),
        415,
        "E4150");
  }

  @Test
  void aDecisionIsStoredWithWhoDecidedWhenAndWhy() {
    TestDuckling duckling = TestDucklings.atT1();
    String requestId = elevate(duckling, t2Details()).statusCode(202).extract().path("request_id");
    TestDuckling operator = TestDucklings.operator();
    reject(operator, requestId, "  blurry scan  ").statusCode(200);
    String row = "select %s from elevation_requests where id = ?::uuid";
    assertEquals("rejected", TestDucklings.queryString(row.formatted("status"), requestId));
    assertEquals("blurry scan", TestDucklings.queryString(row.formatted("reason"), requestId));
    assertEquals(operator.id(), TestDucklings.queryString(row.formatted("decided_by"), requestId));
    assertEquals(
        1,
        queryLong(
            "select count(*) from elevation_requests where id = ?::uuid"
                + " and decided_at between now() - interval '1 minute' and now()",
            requestId));
    operator
        .as()
        .get("/beak/trust/requests?status=rejected")
        .then()
        .statusCode(200)
        .body(
            "requests.find { it.request_id == '" + requestId + "' }.reason", equalTo("blurry scan"))
        .body(
            "requests.find { it.request_id == '" + requestId + "' }.decided_at",
            org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void operatorsCannotDecideTheirOwnRequests() {
    TestDuckling operator = TestDucklings.operator();
    // The shared operator stays at T0 for the other tests, so a request is made its own in the
    // database rather than by climbing to T1 through the API.
    TestDuckling duckling = TestDucklings.atT1();
    String requestId = elevate(duckling, t2Details()).statusCode(202).extract().path("request_id");
    com.spaceduck.identity.TestDucklings.execute(
        "update elevation_requests set duckling_id = ? where id = ?",
        UUID.fromString(operator.id()),
        UUID.fromString(requestId));
    assertProblem(
            operator.as().post("/beak/trust/requests/" + requestId + "/approve").then(),
            403,
            "E4002")
        .body("detail", containsString("own"));
    assertEquals(
        "pending",
        com.spaceduck.identity.TestDucklings.queryString(
            "select status from elevation_requests where id = ?", UUID.fromString(requestId)));
  }

  @Test
  void t3NeedsABondedAgentAndAnOperator() {
    TestDuckling duckling = TestDucklings.atT1();
    TestDuckling operator = TestDucklings.operator();
    String t2 = elevate(duckling, t2Details()).statusCode(202).extract().path("request_id");
    operator.as().post("/beak/trust/requests/" + t2 + "/approve").then().statusCode(200);
    duckling = TestDucklings.refreshed(duckling);

    assertProblem(elevate(duckling, Map.of("target_tier", "T3")), 403, "E4002")
        .body("detail", containsString("bonded agent"));
    String agent = TestDucklings.registerAgent(duckling, "Scout");
    duckling
        .as()
        .post("/beak/agents/" + agent + "/bond")
        .then()
        .statusCode(200)
        .body("bonded", equalTo(true));

    String t3 =
        elevate(duckling, Map.of("target_tier", "T3")).statusCode(202).extract().path("request_id");
    operator
        .as()
        .post("/beak/trust/requests/" + t3 + "/approve")
        .then()
        .statusCode(200)
        .body("trust_tier", equalTo("T3"));
    duckling.as().get("/beak/me").then().body("trust_tier", equalTo("T3"));
    assertElevatedEvent(duckling.id(), "T2", "T3");
    assertProblem(elevate(duckling, Map.of("target_tier", "T3")), 409, "E4003");
  }

  @Test
  void operatorEndpointsAreForOperatorsOnly() {
    TestDuckling duckling = TestDucklings.create();
    assertProblem(duckling.as().get("/beak/trust/requests").then(), 403, "E4002");
    assertProblem(
        duckling.as().post("/beak/trust/requests/" + UUID.randomUUID() + "/approve").then(),
        403,
        "E4002");
    assertProblem(
        duckling.as().post("/beak/trust/requests/" + UUID.randomUUID() + "/reject").then(),
        403,
        "E4002");
    assertProblem(given().get("/beak/trust/requests").then(), 401, "E4001");
  }

  @Test
  void operatorTokensCarryTheOperatorGroupAndOthersDoNot() throws Exception {
    // Registered but unverified elsewhere would not be an operator; the shared operator is
    // verified.
    TestDuckling operator = TestDucklings.operator();
    String[] parts = operator.token().split("\\.");
    JsonNode claims =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
    assertTrue(claims.path("groups").toString().contains("operator"), claims.toString());
    TestDuckling ordinary = TestDucklings.create();
    String[] theirs = ordinary.token().split("\\.");
    JsonNode ordinaryClaims =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(java.util.Base64.getUrlDecoder().decode(theirs[1]));
    assertTrue(!ordinaryClaims.path("groups").toString().contains("operator"));
  }

  @Test
  void operatorDecisionsValidateIds() {
    TestDuckling operator = TestDucklings.operator();
    assertProblem(
        operator.as().post("/beak/trust/requests/" + UUID.randomUUID() + "/approve").then(),
        404,
        "E4005");
    assertProblem(operator.as().post("/beak/trust/requests/nope/approve").then(), 404, "E4005");
    assertProblem(operator.as().get("/beak/trust/requests?status=everything").then(), 400, "E4000");
  }

  @Test
  void trustStatusShowsVerificationAndAgents() {
    TestDuckling duckling = TestDucklings.create();
    duckling
        .as()
        .get("/beak/trust")
        .then()
        .statusCode(200)
        .body("trust_tier", equalTo("T0"))
        .body("email_verified", equalTo(false))
        .body("phone_verified", equalTo(false))
        .body("bonded_agents", equalTo(0))
        .body("pending_request", nullValue())
        .body("$", not(hasItem("legal_name")));
  }

  private void assertElevatedEvent(String ducklingId, String from, String to) {
    assertEquals(
        1,
        queryLong(
            "select count(*) from event_outbox where type = 'trust.elevated' and payload like ? and payload like ?",
            "%\"subject\":\"" + ducklingId + "\"%",
            "%\"to_tier\":\"" + to + "\"%"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode data =
                  redis.stream(String.class)
                      .xrange(events.stream(), StreamRange.of("-", "+"))
                      .stream()
                      .map(entry -> TestDucklings.decodeOrNull(codec, entry.payload().get("event")))
                      .filter(java.util.Objects::nonNull)
                      .filter(event -> event.type().equals(TrustElevated.NAME))
                      .filter(event -> event.subject().equals(ducklingId))
                      .filter(event -> event.data().path("to_tier").asText().equals(to))
                      .map(event -> event.data())
                      .findFirst()
                      .orElse(null);
              assertTrue(data != null, "trust.elevated reached the stream");
              assertEquals(ducklingId, data.path("duckling_id").asText());
              assertEquals(from, data.path("from_tier").asText());
            });
  }
}
