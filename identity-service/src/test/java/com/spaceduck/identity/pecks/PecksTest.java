package com.spaceduck.identity.pecks;

import static com.spaceduck.identity.TestDucklings.markBonded;
import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.identity.TestDucklings.registerAgent;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class PecksTest {

  private TestDuckling sender;
  private String fromAgent;
  private TestDuckling receiver;
  private String toAgent;

  @BeforeEach
  void twoDucklingsWithAgents() {
    sender = TestDucklings.atT1();
    fromAgent = registerAgent(sender, "Scout");
    receiver = TestDucklings.atT1();
    toAgent = registerAgent(receiver, "Listener");
    markBonded(toAgent);
  }

  private static ValidatableResponse peck(TestDuckling caller, Object body) {
    return caller.as().contentType(ContentType.JSON).body(body).post("/beak/pecks").then();
  }

  private Map<String, Object> peckBody(String from, String to, Object body) {
    return Map.of("from_agent_id", from, "to_agent_id", to, "body", body);
  }

  @Test
  void aPeckToABondedAgentIsStoredAndPublished() {
    String peckId =
        peck(sender, peckBody(fromAgent, toAgent, Map.of("hello", "pond", "n", 1)))
            .statusCode(201)
            .body("sent_at", notNullValue())
            .extract()
            .path("peck_id");
    assertEquals(
        1,
        queryLong(
            "select count(*) from event_outbox where type = 'peck.sent' and payload like ?",
            "%" + peckId + "%"));
    sender
        .as()
        .queryParam("agent_id", fromAgent)
        .queryParam("direction", "out")
        .get("/beak/pecks")
        .then()
        .statusCode(200)
        .body("pecks", hasSize(1))
        .body("pecks[0].peck_id", equalTo(peckId))
        .body("pecks[0].to_agent_id", equalTo(toAgent))
        .body("pecks[0].body.hello", equalTo("pond"))
        .body("next_page", nullValue());
    receiver
        .as()
        .queryParam("agent_id", toAgent)
        .queryParam("direction", "in")
        .get("/beak/pecks")
        .then()
        .statusCode(200)
        .body("pecks", hasSize(1))
        .body("pecks[0].from_agent_id", equalTo(fromAgent));
    receiver
        .as()
        .queryParam("agent_id", toAgent)
        .queryParam("direction", "out")
        .get("/beak/pecks")
        .then()
        .statusCode(200)
        .body("pecks", hasSize(0));
  }

  @Test
  void listingPagesNewestFirst() {
    for (int i = 0; i < 3; i++) {
      peck(sender, peckBody(fromAgent, toAgent, Map.of("i", i))).statusCode(201);
    }
    sender
        .as()
        .queryParam("agent_id", fromAgent)
        .queryParam("size", 2)
        .get("/beak/pecks")
        .then()
        .statusCode(200)
        .body("pecks", hasSize(2))
        .body("pecks[0].body.i", equalTo(2))
        .body("next_page", equalTo(1));
    sender
        .as()
        .queryParam("agent_id", fromAgent)
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/beak/pecks")
        .then()
        .statusCode(200)
        .body("pecks", hasSize(1))
        .body("pecks[0].body.i", equalTo(0))
        .body("next_page", nullValue());
  }

  @Test
  void theSendingAgentMustBeTheCallers() {
    assertProblem(peck(receiver, peckBody(fromAgent, toAgent, Map.of())), 404, "E4005");
    assertEquals(
        0,
        queryLong(
            "select count(*) from pecks where from_agent_id = ?", UUID.fromString(fromAgent)));
  }

  @Test
  void anUnbondedAgentCannotBePecked() {
    assertProblem(peck(receiver, peckBody(toAgent, fromAgent, Map.of())), 409, "E4003");
  }

  @Test
  void anUnknownReceiverIsNotFound() {
    assertProblem(
        peck(sender, peckBody(fromAgent, UUID.randomUUID().toString(), Map.of())), 404, "E4005");
  }

  @Test
  void aBodyOver4KiBIsRefusedWithAFieldError() {
    String big = "x".repeat(4096);
    assertProblem(peck(sender, peckBody(fromAgent, toAgent, Map.of("text", big))), 400, "E4000")
        .body("errors[0].field", equalTo("body"));
    String fits = "x".repeat(4096 - "{\"text\":\"\"}".length());
    peck(sender, peckBody(fromAgent, toAgent, Map.of("text", fits))).statusCode(201);
  }

  @Test
  void sendingNeedsT1() {
    TestDuckling t0 = TestDucklings.create();
    assertProblem(peck(t0, peckBody(fromAgent, toAgent, Map.of())), 403, "E4002");
  }

  @Test
  void onlyTheOwnerListsAnAgentsPecks() {
    assertProblem(
        receiver.as().queryParam("agent_id", fromAgent).get("/beak/pecks").then(), 404, "E4005");
  }

  @Test
  void aBadQueryNamesItsFields() {
    assertProblem(
            sender
                .as()
                .queryParam("agent_id", "nope")
                .queryParam("direction", "sideways")
                .get("/beak/pecks")
                .then(),
            400,
            "E4000")
        .body("errors.field", contains("agent_id", "direction"))
        .body(
            "errors.message",
            contains("must be the id of one of your agents", "must be in or out"));
  }

  @Test
  void aMissingAgentIdIsAFieldError() {
    assertProblem(sender.as().get("/beak/pecks").then(), 400, "E4000")
        .body("errors.field", contains("agent_id"))
        .body("errors.message", contains("must be the id of one of your agents"));
  }

  @Test
  void pagesOutsideTheirRangeAreRefused() {
    for (int page : new int[] {-1, 10_001}) {
      assertProblem(list(fromAgent, "page", page), 400, "E4000")
          .body("errors.field", contains("page"))
          .body("errors.message", contains("must be between 0 and 10000"));
    }
    for (int size : new int[] {0, -5, 101}) {
      assertProblem(list(fromAgent, "size", size), 400, "E4000")
          .body("errors.field", contains("size"))
          .body("errors.message", contains("must be between 1 and 100"));
    }
    list(fromAgent, "page", 10_000).statusCode(200).body("pecks", hasSize(0));
    list(fromAgent, "size", 100).statusCode(200).body("size", equalTo(100));
  }

  @Test
  void everyBadQueryFieldIsNamedAtOnce() {
    assertProblem(
            sender
                .as()
                .queryParam("agent_id", fromAgent + "x")
                .queryParam("direction", "up")
                .queryParam("page", -1)
                .queryParam("size", 0)
                .get("/beak/pecks")
                .then(),
            400,
            "E4000")
        .body("errors.field", contains("agent_id", "direction", "page", "size"));
  }

  @Test
  void directionIsInOrOutInAnyCaseOrBoth() {
    peck(sender, peckBody(fromAgent, toAgent, Map.of("n", 1))).statusCode(201);
    for (String direction : new String[] {" OUT ", "", "Out"}) {
      sender
          .as()
          .queryParam("agent_id", " " + fromAgent.toUpperCase() + " ")
          .queryParam("direction", direction)
          .get("/beak/pecks")
          .then()
          .statusCode(200)
          .body("pecks", hasSize(1));
    }
    list(fromAgent, "direction", "In").statusCode(200).body("pecks", hasSize(0));
  }

  private ValidatableResponse list(String agentId, String name, Object value) {
    return sender
        .as()
        .queryParam("agent_id", agentId)
        .queryParam(name, value)
        .get("/beak/pecks")
        .then();
  }

  @Test
  void aMissingBodyIsAFieldError() {
    assertProblem(
            peck(sender, Map.of("from_agent_id", fromAgent, "to_agent_id", toAgent)), 400, "E4000")
        .body("errors[0].field", equalTo("body"));
  }
}
