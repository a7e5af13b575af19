package com.spaceduck.identity.agents;

import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class AgentsTest {

  private static ValidatableResponse register(TestDuckling owner, Object body) {
    return owner.as().contentType(ContentType.JSON).body(body).post("/beak/agents").then();
  }

  @Test
  void registeringNeedsT1AndTheDetailNamesIt() {
    TestDuckling t0 = TestDucklings.create();
    assertProblem(register(t0, Map.of("name", "Scout")), 403, "E4002")
        .body("detail", equalTo("This endpoint requires trust tier T1."));
  }

  @Test
  void aT0BeakKeyIsHeldToItsTierToo() {
    TestDuckling t1 = TestDucklings.atT1();
    String key =
        t1.as()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "low", "tier", "T0"))
            .post("/beak/keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    assertProblem(
            given()
                .auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x"))
                .post("/beak/agents")
                .then(),
            403,
            "E4002")
        .body("detail", equalTo("This endpoint requires trust tier T1."));
    String t1Key =
        t1.as()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "full"))
            .post("/beak/keys")
            .then()
            .statusCode(201)
            .body("tier", equalTo("T1"))
            .extract()
            .path("key");
    given()
        .auth()
        .oauth2(t1Key)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Keyed"))
        .post("/beak/agents")
        .then()
        .statusCode(201);
  }

  @Test
  void registeringEmitsAgentRegistered() {
    TestDuckling owner = TestDucklings.atT1();
    String agentId =
        register(owner, Map.of("name", "Scout"))
            .statusCode(201)
            .body("name", equalTo("Scout"))
            .body("bonded", equalTo(false))
            .extract()
            .path("agent_id");
    assertEquals(
        1,
        queryLong(
            "select count(*) from event_outbox where type = 'agent.registered' and payload like ? and payload like ?",
            "%\"agent_id\":\"" + agentId + "\"%",
            "%\"duckling_id\":\"" + owner.id() + "\"%"));
    owner
        .as()
        .get("/beak/agents")
        .then()
        .statusCode(200)
        .body("agents", hasSize(1))
        .body("agents[0].agent_id", equalTo(agentId));
  }

  @Test
  void bondingNeedsT2() {
    TestDuckling owner = TestDucklings.atT1();
    String agentId =
        register(owner, Map.of("name", "Scout")).statusCode(201).extract().path("agent_id");
    assertProblem(owner.as().post("/beak/agents/" + agentId + "/bond").then(), 403, "E4002")
        .body("detail", equalTo("This endpoint requires trust tier T2."));
  }

  @Test
  void agentNamesAreValidated() {
    TestDuckling owner = TestDucklings.atT1();
    assertProblem(register(owner, Map.of("name", " ")), 400, "E4000")
        .body("errors[0].field", equalTo("name"));
    assertProblem(register(owner, Map.of("name", "n".repeat(101))), 400, "E4000");
    assertProblem(register(owner, Map.of()), 400, "E4000");
  }

  @Test
  void anotherDucklingsAgentIsNotFound() {
    TestDuckling owner = TestDucklings.atT1();
    String agentId =
        register(owner, Map.of("name", "Mine")).statusCode(201).extract().path("agent_id");
    TestDuckling other = TestDucklings.atT2();
    assertProblem(other.as().post("/beak/agents/" + agentId + "/bond").then(), 404, "E4005");
    assertProblem(
        other.as().post("/beak/agents/" + UUID.randomUUID() + "/bond").then(), 404, "E4005");
    owner.as().get("/beak/agents").then().body("agents[0].bonded", equalTo(false));
    assertProblem(given().post("/beak/agents/" + agentId + "/bond").then(), 401, "E4001");
  }

  @Test
  void bondingIsIdempotentAndCountsInMetrics() {
    TestDuckling owner = TestDucklings.atT2();
    String agentId =
        register(owner, Map.of("name", "Buddy")).statusCode(201).extract().path("agent_id");
    String first =
        owner
            .as()
            .post("/beak/agents/" + agentId + "/bond")
            .then()
            .statusCode(200)
            .extract()
            .path("bonded_at");
    owner
        .as()
        .post("/beak/agents/" + agentId + "/bond")
        .then()
        .statusCode(200)
        .body("bonded", equalTo(true))
        .body("bonded_at", equalTo(first));
    long bonded = queryLong("select count(*) from agents where bonded_at is not null");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                given()
                    .get("/beak/metrics")
                    .then()
                    .body("bonded", org.hamcrest.Matchers.greaterThanOrEqualTo((int) bonded))
                    .body("certified", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
  }
}
