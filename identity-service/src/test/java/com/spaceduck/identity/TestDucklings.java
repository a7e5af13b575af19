package com.spaceduck.identity;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventCodec;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates ducklings through the API, each with a fresh email, and reads what tests need. */
public final class TestDucklings {

  public static final String PASSWORD = "Correct-Horse-Battery-42";
  public static final String OPERATOR_EMAIL = "operator@ops.spaceduck.test";

  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private TestDucklings() {}

  /** A signed-up, signed-in duckling. */
  public record TestDuckling(String id, String email, String token) {

    public RequestSpecification as() {
      return given().auth().oauth2(token);
    }
  }

  public static String freshEmail() {
    return "duck-" + UUID.randomUUID() + "@pond.test";
  }

  public static TestDuckling create() {
    String email = freshEmail();
    String id = signup(email);
    return new TestDuckling(id, email, signin(email));
  }

  public static String signup(String email) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", PASSWORD))
        .post("/beak/signup")
        .then()
        .statusCode(201)
        .extract()
        .path("duckling_id");
  }

  public static String signin(String email) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", PASSWORD))
        .post("/beak/signin")
        .then()
        .statusCode(200)
        .extract()
        .path("sd_token");
  }

  /** A fresh token for a duckling, e.g. after its tier changed. */
  public static TestDuckling refreshed(TestDuckling duckling) {
    return new TestDuckling(duckling.id(), duckling.email(), signin(duckling.email()));
  }

  /** Verifies the duckling's email through the API, reading the code the notifier stored. */
  public static void verifyEmail(TestDuckling duckling) {
    duckling.as().post("/beak/verify/email").then().statusCode(202);
    duckling
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("code", latestCode(duckling.email())))
        .post("/beak/verify/email/confirm")
        .then()
        .statusCode(200);
  }

  /** Verifies a fresh phone number for the duckling. */
  public static void verifyPhone(TestDuckling duckling) {
    String phone = freshPhone();
    duckling
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("phone", phone))
        .post("/beak/verify/phone")
        .then()
        .statusCode(202);
    duckling
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("code", latestCode(phone)))
        .post("/beak/verify/phone/confirm")
        .then()
        .statusCode(200);
  }

  /** A duckling at T1 (email and phone verified, elevated), with a token that says so. */
  public static TestDuckling atT1() {
    TestDuckling duckling = create();
    verifyEmail(duckling);
    verifyPhone(duckling);
    duckling
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("target_tier", "T1"))
        .put("/beak/trust/elevate")
        .then()
        .statusCode(200);
    return refreshed(duckling);
  }

  /** A duckling at T2 (approved by the test operator), with a token that says so. */
  public static TestDuckling atT2() {
    TestDuckling duckling = atT1();
    String requestId =
        duckling
            .as()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "target_tier", "T2",
                    "legal_name", "Jane Quackers",
                    "postal_address", "1 Pond Lane, Duckford"))
            .put("/beak/trust/elevate")
            .then()
            .statusCode(202)
            .extract()
            .path("request_id");
    operator().as().post("/beak/trust/requests/" + requestId + "/approve").then().statusCode(200);
    return refreshed(duckling);
  }

  /**
   * The shared test operator: signed up and verified on first use, then granted the role the way an
   * SRE does it ({@code grant_operator}, README "Operators").
   */
  public static synchronized TestDuckling operator() {
    int status =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("email", OPERATOR_EMAIL, "password", PASSWORD))
            .post("/beak/signup")
            .statusCode();
    if (status != 201 && status != 409) {
      throw new IllegalStateException("operator sign-up answered " + status);
    }
    TestDuckling operator = new TestDuckling(null, OPERATOR_EMAIL, signin(OPERATOR_EMAIL));
    boolean verified = operator.as().get("/beak/me").then().extract().path("email_verified");
    if (!verified) {
      verifyEmail(operator);
    }
    String id = operator.as().get("/beak/me").then().extract().path("duckling_id");
    if (queryLong("select count(*) from operators where duckling_id = ?", UUID.fromString(id))
        == 0) {
      grantOperator(OPERATOR_EMAIL);
    }
    return new TestDuckling(id, OPERATOR_EMAIL, signin(OPERATOR_EMAIL));
  }

  /** Registers an agent owned by the duckling (T1 or higher); its id. */
  public static String registerAgent(TestDuckling owner, String name) {
    return owner
        .as()
        .contentType(ContentType.JSON)
        .body(Map.of("name", name))
        .post("/beak/agents")
        .then()
        .statusCode(201)
        .extract()
        .path("agent_id");
  }

  /** Marks an agent bonded straight in the database, for tests about what bonding allows. */
  public static void markBonded(String agentId) {
    execute("update agents set bonded_at = now() where id = ?", UUID.fromString(agentId));
  }

  /** Creates a Beak Key from a request body ({@code name}, optionally {@code tier}); the key. */
  public static String createBeakKey(TestDuckling owner, Map<String, ?> body) {
    return owner
        .as()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/beak/keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  /** What an SRE runs to make someone an operator. */
  public static void grantOperator(String email) {
    queryString("select grant_operator(?, 'test-suite', 'test operator')", email);
  }

  /** What an SRE runs to remove an operator. */
  public static void revokeOperator(String email) {
    queryString("select revoke_operator(?, 'test-suite', 'test over')", email);
  }

  public static String freshPhone() {
    long digits = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L);
    return "+4479" + String.format("%09d", digits);
  }

  /** The code in the newest notification to {@code destination}. */
  public static String latestCode(String destination) {
    String body =
        queryString(
            "select body from notifications where destination = ? order by created_at desc limit 1",
            destination);
    if (body == null) {
      throw new IllegalStateException("no notification to " + destination);
    }
    Matcher matcher = CODE.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no code in " + body);
    }
    return matcher.group(1);
  }

  /** A stream entry as an event; null for entries other tests put there on purpose malformed. */
  public static Event<JsonNode> decodeOrNull(EventCodec codec, String payload) {
    try {
      return codec.decode(payload);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  /** The first column of the first row, or {@code null}. */
  public static String queryString(String sql, Object... parameters) {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static long queryLong(String sql, Object... parameters) {
    return Long.parseLong(queryString(sql, parameters));
  }

  public static void execute(String sql, Object... parameters) {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
