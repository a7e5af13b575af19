package com.spaceduck.sync.catalog;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static com.spaceduck.sync.support.DuckHub.body;
import static com.spaceduck.sync.support.DuckHub.catalog;
import static com.spaceduck.sync.support.DuckHub.category;
import static com.spaceduck.sync.support.DuckHub.group;
import static com.spaceduck.sync.support.DuckHub.item;
import static com.spaceduck.sync.support.DuckHub.sync;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.platform.testing.PostgresTestDatabase;
import com.spaceduck.sync.support.DuckHub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class SyncTest {

  @Test
  void partialSyncCreatesThenLeavesUnchangedThenUpdates() {
    String key = DuckHub.venueKey();
    List<Object> categories = List.of(category("mains", "Mains"), category("drinks", "Drinks"));
    List<Object> items =
        List.of(
            item("burger", "mains", 1250),
            item("fries", "mains", 450),
            item("cola", "drinks", 300));
    List<Object> groups = List.of(group("sauces", "ketchup", "mayo"));

    assertCounts(
            sync(key, body(null, categories, items, groups)).statusCode(200),
            "categories",
            2,
            0,
            2 - 2,
            0)
        .body("syncId", notNullValue())
        .body("mode", equalTo("partial"))
        .body("dryRun", equalTo(false))
        .body("items.created", equalTo(3))
        .body("modifierGroups.created", equalTo(1))
        .body("modifiers.created", equalTo(2));

    ValidatableResponse again = sync(key, body(null, categories, items, groups)).statusCode(200);
    assertCounts(again, "categories", 0, 0, 2, 0);
    assertCounts(again, "items", 0, 0, 3, 0);
    assertCounts(again, "modifierGroups", 0, 0, 1, 0);
    assertCounts(again, "modifiers", 0, 0, 2, 0);

    List<Object> changed =
        List.of(
            item("burger", "mains", 1350),
            item("fries", "mains", 450),
            item("cola", "drinks", 300));
    assertCounts(sync(key, body(null, null, changed, null)).statusCode(200), "items", 0, 1, 2, 0);

    catalog(key)
        .statusCode(200)
        .body("categories.externalId", contains("drinks", "mains"))
        .body("items.externalId", contains("burger", "cola", "fries"))
        .body("items[0].price.amount", equalTo(1350))
        .body("items[0].price.currency", equalTo("EUR"))
        .body("modifierGroups[0].modifiers.externalId", contains("ketchup", "mayo"))
        .body("nextCursor", nullValue());
  }

  @Test
  void unchangedObjectsAreNotRewritten() throws Exception {
    String key = DuckHub.venueKey();
    List<Object> items = List.of(item("tea", "hot", 250));
    sync(key, body(null, List.of(category("hot", "Hot")), items, null)).statusCode(200);
    String before = updatedAt("tea");
    sync(key, body(null, List.of(category("hot", "Hot")), items, null)).statusCode(200);
    assertEquals(before, updatedAt("tea"));
  }

  @Test
  void partialSyncKeepsWhatIsNotSentAndReferencesStoredObjects() {
    String key = DuckHub.venueKey();
    sync(
            key,
            body(null, List.of(category("mains", "Mains")), null, List.of(group("sides", "salad"))))
        .statusCode(200);
    // Items may name a category and a modifier group stored by an earlier sync.
    Map<String, Object> burger = item("burger", "mains", 1000);
    burger.put("modifierGroupExternalIds", List.of("sides"));
    assertCounts(
        sync(key, body(null, null, List.of(burger), null)).statusCode(200), "items", 1, 0, 0, 0);
    catalog(key)
        .body("categories.externalId", contains("mains"))
        .body("items[0].modifierGroupExternalIds", contains("sides"));
  }

  @Test
  void fullSyncRemovesWhatWasNotSentAndCanBringItBack() throws Exception {
    String key = DuckHub.venueKey();
    sync(
            key,
            body(
                "full",
                List.of(category("mains", "Mains"), category("old", "Old")),
                List.of(item("burger", "mains", 1000), item("relic", "old", 100)),
                List.of(group("sauces", "ketchup", "mayo"))))
        .statusCode(200);

    ValidatableResponse full =
        sync(
                key,
                body(
                    "full",
                    List.of(category("mains", "Mains")),
                    List.of(item("burger", "mains", 1000)),
                    List.of(group("sauces", "ketchup"))))
            .statusCode(200)
            .body("mode", equalTo("full"));
    assertCounts(full, "categories", 0, 0, 1, 1);
    assertCounts(full, "items", 0, 0, 1, 1);
    assertCounts(full, "modifierGroups", 0, 0, 1, 0);
    assertCounts(full, "modifiers", 0, 0, 1, 1);
    catalog(key)
        .body("categories.externalId", contains("mains"))
        .body("items.externalId", contains("burger"))
        .body("modifierGroups[0].modifiers.externalId", contains("ketchup"));
    assertEquals(
        1,
        count("select count(*) from items where external_id = 'relic' and deleted_at is not null"));

    // A removed object that is sent again is back.
    assertCounts(
        sync(
                key,
                body(
                    null,
                    List.of(category("old", "Old")),
                    List.of(item("relic", "old", 100)),
                    null))
            .statusCode(200),
        "items",
        0,
        1,
        0,
        0);
    catalog(key).body("items.externalId", contains("burger", "relic"));
  }

  @Test
  void fullSyncMustSendTheCategoriesItsItemsUse() {
    String key = DuckHub.venueKey();
    sync(key, body(null, List.of(category("mains", "Mains")), null, null)).statusCode(200);
    assertProblem(
            sync(key, body("full", null, List.of(item("burger", "mains", 1000)), null)),
            400,
            "invalid_request")
        .body("errors[0].field", equalTo("items[0].categoryExternalId"));
    catalog(key).body("categories.externalId", contains("mains")).body("items", hasSize(0));
  }

  @Test
  void anInvalidObjectInTheMiddleLeavesTheCatalogUntouched() {
    String key = DuckHub.venueKey();
    sync(
            key,
            body(
                null,
                List.of(category("mains", "Mains")),
                List.of(item("burger", "mains", 1000)),
                null))
        .statusCode(200);
    String before = catalog(key).extract().asString();

    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(item("item-" + i, "mains", i == 10 ? -5 : 100 + i));
    }
    items.add(item("burger", "mains", 9999));
    assertProblem(
            sync(key, body("full", List.of(category("mains", "Mains 2")), items, null)),
            400,
            "invalid_request")
        .body("detail", equalTo("The sync has invalid fields; nothing was applied."))
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("items[10].price.amount"))
        .body("errors[0].message", equalTo("must not be negative (externalId item-10)"));
    assertEquals(before, catalog(key).extract().asString());
  }

  @Test
  void concurrentSyncsOfOneVenueAreSerialisedWithoutLosingUpdates() throws Exception {
    String key = DuckHub.venueKey();
    sync(key, body(null, List.of(category("c", "C")), null, null)).statusCode(200);
    int writers = 6;
    int perWriter = 150;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < perWriter; i++) {
          items.add(item("w" + w + "-" + i, "c", 100));
        }
        // Every writer also changes one shared item: each change must be applied, none lost.
        items.add(item("shared", "c", 1000 + w));
        answers.add(
            pool.submit(() -> sync(key, body(null, null, items, null)).extract().statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertEquals(200, answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        writers * perWriter + 1,
        count(
            "select count(*) from items i join venue_api_keys k using (venue_id) where k.prefix = '"
                + key.substring(0, 16)
                + "' and i.deleted_at is null"));
  }

  @Test
  void syncsOfDifferentVenuesRunInParallel() throws Exception {
    List<String> keys = List.of(DuckHub.venueKey(), DuckHub.venueKey(), DuckHub.venueKey());
    ExecutorService pool = Executors.newFixedThreadPool(keys.size());
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (String key : keys) {
        answers.add(
            pool.submit(
                () ->
                    sync(
                            key,
                            body(
                                "full",
                                List.of(category("c", "C")),
                                List.of(item("x", "c", 1)),
                                null))
                        .extract()
                        .statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertEquals(200, answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
    for (String key : keys) {
      catalog(key).body("items.externalId", contains("x"));
    }
  }

  @Test
  void idempotentRetryGetsTheFirstAnswerWithoutApplyingAgain() throws Exception {
    String key = DuckHub.venueKey();
    Map<String, Object> first =
        body(null, List.of(category("c", "C")), List.of(item("x", "c", 1)), null);
    String syncId =
        idempotent(key, "order-42", first)
            .statusCode(200)
            .header("Idempotent-Replayed", nullValue())
            .body("items.created", equalTo(1))
            .extract()
            .path("syncId");

    idempotent(key, "order-42", first)
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("syncId", equalTo(syncId))
        .body("items.created", equalTo(1));
    assertEquals(1, count("select count(*) from syncs where sync_id::text = '" + syncId + "'"));
    assertEquals(
        1,
        count(
            "select count(*) from idempotency_keys where idempotency_key = 'order-42' and sync_id::text = '"
                + syncId
                + "'"));

    Map<String, Object> other =
        body(null, List.of(category("c", "C")), List.of(item("x", "c", 2)), null);
    assertProblem(idempotent(key, "order-42", other), 422, "idempotency_key_reused");
    catalog(key).body("items[0].price.amount", equalTo(1));

    // Another venue's key may use the same Idempotency-Key for its own sync.
    String otherVenue = DuckHub.venueKey();
    idempotent(otherVenue, "order-42", other)
        .statusCode(200)
        .header("Idempotent-Replayed", nullValue());
  }

  @Test
  void idempotencyKeysExpireAfterTheirRetention() throws Exception {
    String key = DuckHub.venueKey();
    idempotent(key, "nightly", body(null, List.of(category("c", "C")), null, null)).statusCode(200);
    execute(
        "update idempotency_keys set created_at = created_at - interval '25 hours' where idempotency_key = 'nightly'");
    idempotent(key, "nightly", body(null, List.of(category("c", "Renamed")), null, null))
        .statusCode(200)
        .header("Idempotent-Replayed", nullValue())
        .body("categories.updated", equalTo(1));
  }

  @Test
  void rejectsAMalformedIdempotencyKey() {
    String key = DuckHub.venueKey();
    assertProblem(
            idempotent(key, "x".repeat(256), body(null, null, null, null)), 400, "invalid_request")
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }

  @Test
  void dryRunReportsWithoutChangingAnything() {
    String key = DuckHub.venueKey();
    sync(key, body(null, List.of(category("c", "C")), List.of(item("x", "c", 1)), null))
        .statusCode(200);
    String before = catalog(key).extract().asString();

    ValidatableResponse dry =
        given()
            .header("Authorization", "Bearer " + key)
            .contentType(ContentType.JSON)
            .body(body("full", List.of(category("c", "C")), List.of(item("y", "c", 5)), null))
            .post("/v1/sync?dryRun=true")
            .then()
            .statusCode(200)
            .body("dryRun", equalTo(true))
            .body("syncId", nullValue());
    assertCounts(dry, "items", 1, 0, 0, 1);
    assertCounts(dry, "categories", 0, 0, 1, 0);
    assertEquals(before, catalog(key).extract().asString());

    assertProblem(
            given()
                .header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(body(null, null, null, null))
                .post("/v1/sync?dryRun=maybe")
                .then(),
            400,
            "invalid_request")
        .body("errors[0].field", equalTo("dryRun"));
  }

  @Test
  void anUnknownModeIsRefusedByNameAndNothingIsApplied() {
    String key = DuckHub.venueKey();
    for (Object mode : new Object[] {"everything", "", "FULL", " full", 5, true}) {
      Map<String, Object> request =
          new java.util.LinkedHashMap<>(
              body(null, List.of(category("c", "C")), List.of(item("x", "c", 1)), null));
      request.put("mode", mode);
      assertProblem(sync(key, request), 400, "invalid_request")
          .body("errors", hasSize(1))
          .body("errors[0].field", equalTo("mode"))
          .body("errors[0].message", equalTo("must be partial or full"));
    }
    catalog(key).body("categories", hasSize(0)).body("items", hasSize(0));
  }

  @Test
  void anUnknownModeIsAnotherBodyForTheSameIdempotencyKey() {
    String key = DuckHub.venueKey();
    Map<String, Object> first = body(null, List.of(category("c", "C")), null, null);
    idempotent(key, "order-7", first).statusCode(200);
    Map<String, Object> retry = new java.util.LinkedHashMap<>(first);
    retry.put("mode", "everything");
    assertProblem(idempotent(key, "order-7", retry), 422, "idempotency_key_reused");
    idempotent(key, "order-7", first).statusCode(200).header("Idempotent-Replayed", "true");
  }

  @Test
  void aModeOfTheWrongShapeIsAWrongType() {
    Map<String, Object> request = new java.util.LinkedHashMap<>(body(null, null, null, null));
    request.put("mode", Map.of("full", true));
    assertProblem(sync(DuckHub.venueKey(), request), 400, "invalid_request")
        .body("errors.field", contains("mode"))
        .body("errors[0].message", equalTo("has the wrong type"));
  }

  @Test
  void aNullModeIsPartial() {
    Map<String, Object> request =
        new java.util.LinkedHashMap<>(
            body(null, List.of(category("c", "C")), List.of(item("x", "c", 1)), null));
    request.put("mode", null);
    sync(DuckHub.venueKey(), request).statusCode(200).body("mode", equalTo("partial"));
  }

  @Test
  void dryRunIsTrueOrFalse() {
    String key = DuckHub.venueKey();
    dryRun(key, "?dryRun=true").statusCode(200).body("dryRun", equalTo(true));
    dryRun(key, "?dryRun=false").statusCode(200).body("dryRun", equalTo(false));
    for (String query : new String[] {"?dryRun=TRUE", "?dryRun=1", "?dryRun=yes"}) {
      assertProblem(dryRun(key, query), 400, "invalid_request")
          .body("errors.field", contains("dryRun"))
          .body("errors[0].message", equalTo("must be true or false"));
    }
  }

  private static ValidatableResponse dryRun(String key, String query) {
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(body("full", null, null, null))
        .post("/v1/sync" + query)
        .then();
  }

  @Test
  void cataloguePagesThroughItemsInOrder() {
    String key = DuckHub.venueKey();
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      items.add(item(String.format("item-%02d", i), "c", i));
    }
    sync(key, body(null, List.of(category("c", "C")), items, List.of(group("g", "m"))))
        .statusCode(200);

    String cursor =
        page(key, "?limit=10")
            .body("items", hasSize(10))
            .body("items[0].externalId", equalTo("item-00"))
            .body("categories", hasSize(1))
            .body("modifierGroups", hasSize(1))
            .extract()
            .path("nextCursor");
    String last =
        page(key, "?limit=10&cursor=" + cursor)
            .body("items[0].externalId", equalTo("item-10"))
            .body("categories", nullValue())
            .body("modifierGroups", nullValue())
            .extract()
            .path("nextCursor");
    page(key, "?limit=10&cursor=" + last)
        .body("items", hasSize(5))
        .body("items[4].externalId", equalTo("item-24"))
        .body("nextCursor", nullValue());

    assertProblem(catalogQuery(key, "?limit=0"), 400, "invalid_request")
        .body("errors[0].field", equalTo("limit"));
    assertProblem(catalogQuery(key, "?limit=100001"), 400, "invalid_request");
    assertProblem(catalogQuery(key, "?cursor=%25%25%25"), 400, "invalid_request")
        .body("errors[0].field", equalTo("cursor"));
  }

  private static ValidatableResponse page(String key, String query) {
    return catalogQuery(key, query).statusCode(200);
  }

  private static ValidatableResponse catalogQuery(String key, String query) {
    return given().header("Authorization", "Bearer " + key).get("/v1/catalog" + query).then();
  }

  private static ValidatableResponse idempotent(String key, String idempotencyKey, Object body) {
    return given()
        .header("Authorization", "Bearer " + key)
        .header("Idempotency-Key", idempotencyKey)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/sync")
        .then();
  }

  static ValidatableResponse assertCounts(
      ValidatableResponse response,
      String type,
      int created,
      int updated,
      int unchanged,
      int deleted) {
    return response
        .body(type + ".created", equalTo(created))
        .body(type + ".updated", equalTo(updated))
        .body(type + ".unchanged", equalTo(unchanged))
        .body(type + ".deleted", equalTo(deleted));
  }

  private static String updatedAt(String externalId) throws Exception {
    try (Connection db = PostgresTestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement("select updated_at::text from items where external_id = ?")) {
      query.setString(1, externalId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection db = PostgresTestDatabase.connect();
        ResultSet row = db.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection db = PostgresTestDatabase.connect()) {
      db.createStatement().execute(sql);
    }
  }
}
