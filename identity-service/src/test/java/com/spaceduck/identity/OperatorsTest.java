package com.spaceduck.identity;

import static com.spaceduck.identity.TestDucklings.queryLong;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.contracts.OperatorChanged;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventCodec;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Operator rights come only from an SRE's explicit grant, are read per request, and need a token.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class OperatorsTest {

  @Inject EventCodec codec;

  private static boolean tokenSaysOperator(TestDuckling duckling) {
    String claims =
        new String(
            java.util.Base64.getUrlDecoder().decode(duckling.token().split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    return claims.contains("\"operator\"");
  }

  @Test
  void registeringAnOperatorsEmailGrantsNothing() {
    // The old bootstrap list made whoever registered (and verified) a listed address an operator.
    TestDuckling duckling = TestDucklings.create();
    TestDucklings.verifyEmail(duckling);
    TestDuckling fresh = TestDucklings.refreshed(duckling);
    assertFalse(tokenSaysOperator(fresh));
    assertProblem(fresh.as().get("/beak/trust/requests").then(), 403, "E4002");
  }

  @Test
  void grantRefusesAnUnverifiedEmail() {
    TestDuckling impostor = TestDucklings.create();
    RuntimeException refused =
        assertThrows(RuntimeException.class, () -> TestDucklings.grantOperator(impostor.email()));
    assertTrue(refused.getMessage().contains("not verified"), refused.getMessage());
    assertEquals(
        0,
        queryLong(
            "select count(*) from operators where duckling_id = ?",
            UUID.fromString(impostor.id())));
  }

  @Test
  void explicitGrantWorksAndRevocationTakesEffectAtOnce() {
    TestDuckling duckling = TestDucklings.create();
    TestDucklings.verifyEmail(duckling);
    TestDucklings.grantOperator(duckling.email());
    TestDuckling operator = TestDucklings.refreshed(duckling);
    assertTrue(tokenSaysOperator(operator));
    operator.as().get("/beak/trust/requests").then().statusCode(200);

    TestDucklings.revokeOperator(duckling.email());
    // The same, unexpired token: refused on the very next request.
    assertProblem(operator.as().get("/beak/trust/requests").then(), 403, "E4002");
    assertProblem(
        operator.as().post("/beak/trust/requests/" + UUID.randomUUID() + "/approve").then(),
        403,
        "E4002");
    assertEquals(
        2,
        queryLong(
            "select count(*) from operator_audit where duckling_id = ? and actor = 'test-suite'",
            UUID.fromString(duckling.id())));
  }

  @Test
  void grantAndRevocationAreAnnouncedAsOperatorChangedEvents() throws Exception {
    TestDuckling duckling = TestDucklings.create();
    TestDucklings.verifyEmail(duckling);
    TestDucklings.grantOperator(duckling.email());
    TestDucklings.revokeOperator(duckling.email());

    // Written by SQL, read by the platform's codec into the shared contract: they must agree.
    List<OperatorChanged> changes = new ArrayList<>();
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select payload from event_outbox where type = ? and payload like ?"
                    + " order by created_at")) {
      query.setString(1, OperatorChanged.NAME);
      query.setString(2, "%" + duckling.id() + "%");
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Event<JsonNode> envelope = codec.decode(rows.getString(1));
          assertEquals(duckling.id(), envelope.subject());
          assertEquals(OperatorChanged.VERSION, envelope.version());
          changes.add(codec.typed(envelope, OperatorChanged.TYPE).data());
        }
      }
    }
    assertEquals(2, changes.size());
    UUID id = UUID.fromString(duckling.id());
    assertEquals(id, changes.get(0).ducklingId());
    assertTrue(changes.get(0).operator());
    assertEquals(id, changes.get(1).ducklingId());
    assertFalse(changes.get(1).operator());
    assertTrue(changes.get(1).changedAt().isAfter(changes.get(0).changedAt()));
  }

  @Test
  void beakKeysAreRefusedOnOperatorEndpoints() {
    TestDuckling operator = TestDucklings.operator();
    String key = TestDucklings.createBeakKey(operator, Map.of("name", "ops laptop", "tier", "T0"));
    // The key works elsewhere, as its owner...
    given()
        .auth()
        .oauth2(key)
        .get("/beak/me")
        .then()
        .statusCode(200)
        .body("duckling_id", equalTo(operator.id()));
    // ...but never as an operator.
    assertProblem(given().auth().oauth2(key).get("/beak/trust/requests").then(), 403, "E4002")
        .body(
            "detail",
            equalTo("Operator actions need an sd_token; Beak Keys are not accepted here."));
    assertProblem(
        given()
            .auth()
            .oauth2(key)
            .post("/beak/trust/requests/" + UUID.randomUUID() + "/approve")
            .then(),
        403,
        "E4002");
    assertProblem(
        given()
            .auth()
            .oauth2(key)
            .post("/beak/trust/requests/" + UUID.randomUUID() + "/reject")
            .then(),
        403,
        "E4002");
    operator.as().get("/beak/trust/requests").then().statusCode(200);
  }
}
