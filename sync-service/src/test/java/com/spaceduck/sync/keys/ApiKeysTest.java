package com.spaceduck.sync.keys;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.platform.testing.PostgresTestDatabase;
import com.spaceduck.sync.support.DuckHub;
import com.spaceduck.sync.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class ApiKeysTest {

  private static final String KEY_SHAPE = "dk_live_[A-Za-z0-9_-]{32}";

  @Test
  void generatesKeyShownOnceAndStoredOnlyAsPrefixAndHash() throws Exception {
    String owner = Tokens.owner();
    String venue = DuckHub.venue(owner);
    String key =
        given()
            .auth()
            .oauth2(owner)
            .post("/v1/venues/" + venue + "/api-key")
            .then()
            .statusCode(201)
            .body("venueId", equalTo(venue))
            .body("apiKey", matchesPattern(KEY_SHAPE))
            .body("createdAt", notNullValue())
            .extract()
            .path("apiKey");

    given()
        .auth()
        .oauth2(owner)
        .get("/v1/venues/" + venue + "/api-key")
        .then()
        .statusCode(200)
        .body("prefix", equalTo(key.substring(0, 16)))
        .body("apiKey", nullValue())
        .body("lastUsedAt", nullValue())
        .body(not(org.hamcrest.Matchers.containsString(key.substring(16))));

    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select prefix, key_hash from venue_api_keys where venue_id = ?::uuid")) {
      query.setString(1, venue);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        assertEquals(key.substring(0, 16), row.getString(1));
        assertFalse(row.getString(2).contains(key.substring(16)));
        assertEquals(64, row.getString(2).length());
      }
    }
  }

  @Test
  void answersEveryDocumentedAuthenticationError() {
    assertAuth(given().get("/v1/catalog").then(), "missing_api_key", "Missing API key");
    assertAuth(
        given().header("Authorization", "Basic Zm9vOmJhcg==").get("/v1/catalog").then(),
        "missing_api_key",
        "Missing API key");
    assertAuth(
        given().header("Authorization", "Bearer ").get("/v1/catalog").then(),
        "missing_api_key",
        "Missing API key");
    for (String malformed :
        new String[] {
          "sk_live_" + "a".repeat(32),
          "dk_live_" + "a".repeat(31),
          "dk_live_" + "a".repeat(33),
          "dk_live_" + "a".repeat(31) + "+",
          "dk_prod_" + "a".repeat(32),
          "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"
        }) {
      assertAuth(
          given().header("Authorization", "Bearer " + malformed).get("/v1/catalog").then(),
          "invalid_api_key_format",
          "Invalid API key format");
    }
    assertAuth(
        given()
            .header("Authorization", "Bearer dk_live_" + "b".repeat(32))
            .get("/v1/catalog")
            .then(),
        "invalid_api_key",
        "Invalid API key");
    // dk_test_ is a valid format, but no such key is ever issued.
    assertAuth(
        given()
            .header("Authorization", "Bearer dk_test_" + "c".repeat(32))
            .get("/v1/catalog")
            .then(),
        "invalid_api_key",
        "Invalid API key");
    // An sd_token is not an API key.
    assertAuth(
        given().auth().oauth2(Tokens.owner()).get("/v1/catalog").then(),
        "invalid_api_key_format",
        "Invalid API key format");
  }

  @Test
  void checksTheKeyBeforeReadingTheBody() {
    assertAuth(
        given().contentType("application/json").body("{not json").post("/v1/sync").then(),
        "missing_api_key",
        "Missing API key");
  }

  @Test
  void acceptsTheBearerSchemeInAnyCase() {
    String key = DuckHub.venueKey();
    given().header("Authorization", "bearer " + key).get("/v1/catalog").then().statusCode(200);
  }

  @Test
  void regeneratingKillsThePreviousKeyAtOnce() {
    String owner = Tokens.owner();
    String venue = DuckHub.venue(owner);
    String first = DuckHub.key(owner, venue);
    DuckHub.catalog(first).statusCode(200);

    String second = DuckHub.key(owner, venue);
    assertNotEquals(first, second);
    assertAuth(DuckHub.catalog(first), "invalid_api_key", "Invalid API key");
    DuckHub.catalog(second).statusCode(200);
    given()
        .auth()
        .oauth2(owner)
        .get("/v1/venues/" + venue + "/api-key")
        .then()
        .body("prefix", equalTo(second.substring(0, 16)));
  }

  @Test
  void regeneratingStoresTheNewKeyAndForgetsTheOldKeysUse() throws Exception {
    String owner = Tokens.owner();
    String venue = DuckHub.venue(owner);
    String first = DuckHub.key(owner, venue);
    useKey(first, "old-pos/1.0");
    String firstCreatedAt =
        given()
            .auth()
            .oauth2(owner)
            .get("/v1/venues/" + venue + "/api-key")
            .then()
            .statusCode(200)
            .body("lastUserAgent", equalTo("old-pos/1.0"))
            .extract()
            .path("createdAt");

    String second = DuckHub.key(owner, venue);

    given()
        .auth()
        .oauth2(owner)
        .get("/v1/venues/" + venue + "/api-key")
        .then()
        .statusCode(200)
        .body("prefix", equalTo(second.substring(0, 16)))
        .body("lastUsedAt", nullValue())
        .body("lastUserAgent", nullValue());
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select prefix, key_hash, last_used_at, last_user_agent, created_at,"
                    + " (select count(*) from venue_api_keys where venue_id = ?::uuid)"
                    + " from venue_api_keys where venue_id = ?::uuid")) {
      query.setString(1, venue);
      query.setString(2, venue);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        assertEquals(second.substring(0, 16), row.getString(1));
        assertEquals(com.spaceduck.platform.keys.SecretKeys.hash(second), row.getString(2));
        assertEquals(null, row.getObject(3));
        assertEquals(null, row.getString(4));
        assertTrue(
            row.getObject(5, java.time.OffsetDateTime.class)
                .toInstant()
                .isAfter(java.time.Instant.parse(firstCreatedAt)));
        assertEquals(1, row.getLong(6));
      }
    }
  }

  @Test
  void revokingStopsAllAccessUntilANewKey() {
    String owner = Tokens.owner();
    String venue = DuckHub.venue(owner);
    String key = DuckHub.key(owner, venue);
    DuckHub.catalog(key).statusCode(200);

    given().auth().oauth2(owner).delete("/v1/venues/" + venue + "/api-key").then().statusCode(204);
    assertAuth(DuckHub.catalog(key), "invalid_api_key", "Invalid API key");
    assertProblem(
        given().auth().oauth2(owner).get("/v1/venues/" + venue + "/api-key").then(),
        404,
        "api_key_not_found");
    assertProblem(
        given().auth().oauth2(owner).delete("/v1/venues/" + venue + "/api-key").then(),
        404,
        "api_key_not_found");

    String fresh = DuckHub.key(owner, venue);
    DuckHub.catalog(fresh).statusCode(200);
    assertAuth(DuckHub.catalog(key), "invalid_api_key", "Invalid API key");
  }

  @Test
  void showsWhenAndWithWhichUserAgentTheKeyWasLastUsed() {
    String owner = Tokens.owner();
    String venue = DuckHub.venue(owner);
    String key = DuckHub.key(owner, venue);
    useKey(key, "my-pos/1.2 (+https://example.com)");

    given()
        .auth()
        .oauth2(owner)
        .get("/v1/venues/" + venue + "/api-key")
        .then()
        .body("lastUsedAt", notNullValue())
        .body("lastUserAgent", equalTo("my-pos/1.2 (+https://example.com)"));

    // Another User-Agent is recorded at once, without waiting for the minute.
    useKey(key, "my-pos/1.3");
    given()
        .auth()
        .oauth2(owner)
        .get("/v1/venues/" + venue + "/api-key")
        .then()
        .body("lastUserAgent", equalTo("my-pos/1.3"));
  }

  @Test
  void keyOfOneVenueNeverReadsAnother() {
    String alice = DuckHub.venueKey();
    String bob = DuckHub.venueKey();
    DuckHub.sync(
            alice,
            DuckHub.body(
                null, java.util.List.of(DuckHub.category("alice-cat", "Alice")), null, null))
        .statusCode(200);
    DuckHub.catalog(bob).statusCode(200).body("categories.size()", equalTo(0));
    String syncId =
        DuckHub.sync(alice, DuckHub.body(null, java.util.List.of(), null, null))
            .extract()
            .path("syncId");
    assertProblem(
        given().header("Authorization", "Bearer " + bob).get("/v1/syncs/" + syncId).then(),
        404,
        "sync_not_found");
    given()
        .header("Authorization", "Bearer " + alice)
        .get("/v1/syncs/" + syncId)
        .then()
        .statusCode(200)
        .body("syncId", equalTo(syncId));
    assertProblem(
        given()
            .header("Authorization", "Bearer " + alice)
            .get("/v1/syncs/" + UUID.randomUUID())
            .then(),
        404,
        "sync_not_found");
  }

  private static void assertAuth(
      io.restassured.response.ValidatableResponse response, String code, String detail) {
    assertProblem(response, 401, code)
        .body("detail", equalTo(detail))
        .header("WWW-Authenticate", "Bearer");
  }

  /** A catalog read with {@code key}, as a point-of-sale client named {@code userAgent}. */
  private static void useKey(String key, String userAgent) {
    given()
        .header("Authorization", "Bearer " + key)
        .header("User-Agent", userAgent)
        .get("/v1/catalog")
        .then()
        .statusCode(200);
  }
}
