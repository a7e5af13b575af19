package com.spaceduck.identity.keys;

import static com.spaceduck.identity.TestDucklings.execute;
import static com.spaceduck.identity.TestDucklings.queryString;
import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.identity.TestDucklings;
import com.spaceduck.identity.TestDucklings.TestDuckling;
import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class BeakKeysApiTest {

  private static ValidatableResponse create(TestDuckling owner, Map<String, ?> body) {
    return owner.as().contentType(ContentType.JSON).body(body).post("/beak/keys").then();
  }

  private static String createKey(TestDuckling owner) {
    return create(owner, Map.of("name", "ci")).statusCode(201).extract().path("key");
  }

  @Test
  void createdKeyIsShownOnceInTheDocumentedFormat() {
    TestDuckling owner = TestDucklings.create();
    ValidatableResponse created =
        create(owner, Map.of("name", "laptop"))
            .statusCode(201)
            .body("key", matchesPattern("bk_live_[A-Za-z0-9_-]{32}"))
            .body("key_id", notNullValue())
            .body("name", equalTo("laptop"))
            .body("tier", equalTo("T0"));
    String key = created.extract().path("key");
    created.body("prefix", equalTo(key.substring(0, 16)));
    Instant createdAt = Instant.parse(created.extract().path("created_at"));
    Instant expiresAt = Instant.parse(created.extract().path("expires_at"));
    assertEquals(Duration.ofDays(90), Duration.between(createdAt, expiresAt));

    // Stored as SHA-256 plus prefix only.
    String keyId = created.extract().path("key_id");
    String stored =
        queryString("select key_hash from beak_keys where id = ?", UUID.fromString(keyId));
    assertEquals(BeakKeys.hash(key), stored);
    assertTrue(!stored.contains(key.substring(8)));

    owner
        .as()
        .get("/beak/keys")
        .then()
        .statusCode(200)
        .body("keys", hasSize(1))
        .body("keys[0].key_id", equalTo(keyId))
        .body("keys[0].prefix", equalTo(key.substring(0, 16)))
        .body("keys[0]", not(hasKey("key")))
        .body("keys[0]", not(hasKey("key_hash")))
        .body("keys[0].last_used_at", nullValue())
        .body(not(containsString(key.substring(16))));
  }

  @Test
  void keyAuthenticatesLikeATokenAndRecordsUse() {
    TestDuckling owner = TestDucklings.create();
    String key = createKey(owner);
    given()
        .auth()
        .oauth2(key)
        .get("/beak/me")
        .then()
        .statusCode(200)
        .body("duckling_id", equalTo(owner.id()))
        .body("email", equalTo(owner.email()));
    owner.as().get("/beak/keys").then().body("keys[0].last_used_at", notNullValue());
  }

  @Test
  void keyWorksAsQueryParameterOnWebhookRoutes() {
    TestDuckling owner = TestDucklings.create();
    String key = createKey(owner);
    given()
        .queryParam("beak_key", key)
        .get("/beak/webhooks/probe")
        .then()
        .statusCode(200)
        .body("duckling_id", equalTo(owner.id()));
    assertProblem(
        given().queryParam("beak_key", BeakKeys.generate()).get("/beak/webhooks/probe").then(),
        401,
        "E4001");
    assertProblem(
        given().queryParam("beak_key", "not-a-key").get("/beak/webhooks/probe").then(),
        401,
        "E4001");
  }

  @Test
  void keyInTheQueryIsRefusedOutsideWebhookRoutes() {
    TestDuckling owner = TestDucklings.create();
    String key = createKey(owner);
    assertProblem(given().queryParam("beak_key", key).get("/beak/me").then(), 401, "E4001");
    assertProblem(given().queryParam("beak_key", key).get("/beak/keys").then(), 401, "E4001");
    assertProblem(
        given().queryParam("beak_key", key).get("/beak/webhooksfoo/../me").then(), 401, "E4001");
    // The same key in the header is fine.
    given().auth().oauth2(key).get("/beak/me").then().statusCode(200);
  }

  @Test
  void lastUsedIsWrittenAtMostOncePerResolution() {
    TestDuckling owner = TestDucklings.create();
    String key = createKey(owner);
    given().auth().oauth2(key).get("/beak/me").then().statusCode(200);
    String first =
        queryString(
            "select last_used_at::text from beak_keys where key_hash = ?", BeakKeys.hash(key));
    given().auth().oauth2(key).get("/beak/me").then().statusCode(200);
    String second =
        queryString(
            "select last_used_at::text from beak_keys where key_hash = ?", BeakKeys.hash(key));
    assertNotNull(first);
    assertEquals(first, second, "a second use within a minute writes nothing");
  }

  @Test
  void customLifetimeAndBounds() {
    TestDuckling owner = TestDucklings.create();
    ValidatableResponse created =
        create(owner, Map.of("name", "short", "expires_in_days", 1)).statusCode(201);
    assertEquals(
        Duration.ofDays(1),
        Duration.between(
            Instant.parse(created.extract().path("created_at")),
            Instant.parse(created.extract().path("expires_at"))));
    assertProblem(create(owner, Map.of("name", "x", "expires_in_days", 0)), 400, "E4000")
        .body("errors[0].field", equalTo("expires_in_days"));
    assertProblem(create(owner, Map.of("name", "x", "expires_in_days", 366)), 400, "E4000")
        .body("errors[0].field", equalTo("expires_in_days"));
    assertProblem(create(owner, Map.of("name", "")), 400, "E4000")
        .body("errors[0].field", equalTo("name"));
    assertProblem(create(owner, Map.of("name", "n".repeat(101))), 400, "E4000")
        .body("errors[0].field", equalTo("name"));
    assertProblem(create(owner, Map.of("name", "x", "tier", "T9")), 400, "E4000")
        .body("errors[0].field", equalTo("tier"));
  }

  @Test
  void keyTierCannotExceedOwnersTier() {
    TestDuckling owner = TestDucklings.create();
    assertProblem(create(owner, Map.of("name", "too high", "tier", "T1")), 403, "E4002")
        .body("detail", containsString("T0"));
    create(owner, Map.of("name", "same", "tier", "T0")).statusCode(201).body("tier", equalTo("T0"));
  }

  @Test
  void onlyAnSdTokenCanCreateKeys() {
    TestDuckling owner = TestDucklings.create();
    String key = createKey(owner);
    assertProblem(
        given()
            .auth()
            .oauth2(key)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "minted"))
            .post("/beak/keys")
            .then(),
        403,
        "E4002");
    // A key may list keys, though.
    given().auth().oauth2(key).get("/beak/keys").then().statusCode(200).body("keys", hasSize(1));
  }

  @Test
  void revokedKeyIsRejected() {
    TestDuckling owner = TestDucklings.create();
    ValidatableResponse created = create(owner, Map.of("name", "doomed")).statusCode(201);
    String key = created.extract().path("key");
    String keyId = created.extract().path("key_id");
    given().auth().oauth2(key).get("/beak/me").then().statusCode(200);

    owner.as().delete("/beak/keys/" + keyId).then().statusCode(204);

    assertProblem(given().auth().oauth2(key).get("/beak/me").then(), 401, "E4001")
        .header("WWW-Authenticate", "Bearer");
    owner.as().get("/beak/keys").then().body("keys", hasSize(0));
    assertProblem(owner.as().delete("/beak/keys/" + keyId).then(), 404, "E4005");
  }

  @Test
  void expiredKeyIsRejected() {
    TestDuckling owner = TestDucklings.create();
    ValidatableResponse created = create(owner, Map.of("name", "old")).statusCode(201);
    String key = created.extract().path("key");
    execute(
        "update beak_keys set expires_at = now() - interval '1 second' where id = ?",
        UUID.fromString(created.extract().path("key_id")));
    assertProblem(given().auth().oauth2(key).get("/beak/me").then(), 401, "E4001");
  }

  @Test
  void unknownAndMalformedKeysAreRejected() {
    assertProblem(given().auth().oauth2(BeakKeys.generate()).get("/beak/me").then(), 401, "E4001");
    assertProblem(
        given().auth().oauth2("bk_live_" + "!".repeat(32)).get("/beak/me").then(), 401, "E4001");
    assertProblem(
        given().auth().oauth2("bk_test_" + "a".repeat(32)).get("/beak/me").then(), 401, "E4001");
  }

  @Test
  void anotherDucklingsKeyCannotBeDeleted() {
    TestDuckling owner = TestDucklings.create();
    TestDuckling other = TestDucklings.create();
    ValidatableResponse created = create(owner, Map.of("name", "mine")).statusCode(201);
    String keyId = created.extract().path("key_id");
    assertProblem(other.as().delete("/beak/keys/" + keyId).then(), 404, "E4005");
    // Still works for its owner.
    given()
        .auth()
        .oauth2((String) created.extract().path("key"))
        .get("/beak/me")
        .then()
        .statusCode(200);
    other.as().get("/beak/keys").then().body("keys", hasSize(0));
  }

  @Test
  void deletingUnknownOrMalformedIdIsNotFound() {
    TestDuckling owner = TestDucklings.create();
    assertProblem(owner.as().delete("/beak/keys/" + UUID.randomUUID()).then(), 404, "E4005");
    assertProblem(owner.as().delete("/beak/keys/not-a-uuid").then(), 404, "E4005");
  }

  @Test
  void keyEndpointsNeedCredentials() {
    assertProblem(given().get("/beak/keys").then(), 401, "E4001");
    assertProblem(
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/beak/keys").then(),
        401,
        "E4001");
    assertProblem(given().delete("/beak/keys/" + UUID.randomUUID()).then(), 401, "E4001");
  }

  @Test
  void activeKeysAreBounded() {
    TestDuckling owner = TestDucklings.create();
    Map<String, Object> body = new HashMap<>();
    body.put("name", "bulk");
    for (int i = 0; i < 25; i++) {
      create(owner, body).statusCode(201);
    }
    assertProblem(create(owner, body), 409, "E4003");
  }

  @Test
  void concurrentCreationsCannotPassTheCap() throws Exception {
    TestDuckling owner = TestDucklings.create();
    Map<String, Object> body = new HashMap<>();
    body.put("name", "racing");
    for (int i = 0; i < 20; i++) {
      create(owner, body).statusCode(201);
    }
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return create(owner, body).extract().statusCode();
                }));
      }
      start.countDown();
      int created = 0;
      for (Future<Integer> answer : answers) {
        int status = answer.get();
        assertTrue(status == 201 || status == 409, "status " + status);
        created += status == 201 ? 1 : 0;
      }
      assertEquals(5, created);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        "25",
        queryString(
            "select count(*) from beak_keys where duckling_id = ? and revoked_at is null",
            UUID.fromString(owner.id())));
  }
}
