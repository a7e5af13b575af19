package com.spaceduck.sync.catalog;

import static com.spaceduck.platform.testing.ProblemAssertions.assertProblem;
import static com.spaceduck.sync.support.DuckHub.body;
import static com.spaceduck.sync.support.DuckHub.category;
import static com.spaceduck.sync.support.DuckHub.group;
import static com.spaceduck.sync.support.DuckHub.item;
import static com.spaceduck.sync.support.DuckHub.sync;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.platform.testing.PostgresTestDatabase;
import com.spaceduck.sync.support.DuckHub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class SyncValidationTest {

  @Test
  void listsEveryInvalidFieldAtOnceWithItsPathAndExternalId() {
    String key = DuckHub.venueKey();
    Map<String, Object> noName = new LinkedHashMap<>(Map.of("externalId", "nameless"));
    Map<String, Object> longName = category("long", "x".repeat(201));
    Map<String, Object> negative = item("neg", "mains", -1);
    Map<String, Object> badCurrency = item("usd", "mains", 100);
    badCurrency.put("price", Map.of("amount", 100, "currency", "XXY"));
    Map<String, Object> noPrice = item("free", "mains", 0);
    noPrice.remove("price");
    Map<String, Object> noAvailable = item("maybe", "mains", 10);
    noAvailable.remove("available");
    Map<String, Object> orphan = item("orphan", "nowhere", 10);
    Map<String, Object> unknownGroup = item("saucy", "mains", 10);
    unknownGroup.put("modifierGroupExternalIds", List.of("sauces", "ghost", "sauces"));
    Map<String, Object> duplicate = item("neg", "mains", 10);
    Map<String, Object> badGroup = group("sauces", "ketchup", "ketchup");
    badGroup.put("minSelections", 3);
    badGroup.put("maxSelections", 2);
    Map<String, Object> request =
        body(
            "everything",
            List.of(category("mains", "Mains"), noName, longName, category("mains", "Again")),
            List.of(negative, badCurrency, noPrice, noAvailable, orphan, unknownGroup, duplicate),
            List.of(badGroup));

    assertProblem(sync(key, request), 400, "invalid_request")
        .body(
            "errors.field",
            equalTo(
                List.of(
                    "mode",
                    "categories[1].name",
                    "categories[2].name",
                    "categories[3].externalId",
                    "modifierGroups[0].maxSelections",
                    "modifierGroups[0].modifiers[1].externalId",
                    "items[0].price.amount",
                    "items[1].price.currency",
                    "items[2].price",
                    "items[3].available",
                    "items[4].categoryExternalId",
                    "items[5].modifierGroupExternalIds[1]",
                    "items[5].modifierGroupExternalIds[2]",
                    "items[6].externalId")))
        .body("errors[0].message", equalTo("must be partial or full"))
        .body("errors[1].message", equalTo("is required (externalId nameless)"))
        .body("errors[2].message", equalTo("must be at most 200 characters (externalId long)"))
        .body(
            "errors[3].message",
            equalTo("duplicates an earlier object in categories (externalId mains)"))
        .body("errors[6].message", equalTo("must not be negative (externalId neg)"))
        .body("errors[7].message", equalTo("must be an ISO 4217 code such as EUR (externalId usd)"))
        .body(
            "errors[10].message",
            equalTo(
                "names category nowhere, which is neither in this sync nor stored (externalId"
                    + " orphan)"))
        .body(
            "errors[11].message",
            equalTo(
                "names modifier group ghost, which is neither in this sync nor stored (externalId"
                    + " saucy)"));
    DuckHub.catalog(key).body("categories", hasSize(0)).body("items", hasSize(0));
  }

  @Test
  void refusesFractionalAndQuotedAmounts() {
    String key = DuckHub.venueKey();
    for (Object amount : new Object[] {12.5, "1250", true}) {
      Map<String, Object> item = item("x", "c", 0);
      item.put("price", Map.of("amount", amount, "currency", "EUR"));
      assertProblem(
              sync(key, body(null, List.of(category("c", "C")), List.of(item), null)),
              400,
              "invalid_request")
          .body("errors[0].field", equalTo("items[0].price.amount"));
    }
  }

  @Test
  void refusesControlCharactersAndPaddedIds() {
    String key = DuckHub.venueKey();
    assertProblem(
            sync(
                key,
                body(
                    null,
                    List.of(category("a\u001fb", "A"), category(" padded", "P")),
                    null,
                    null)),
            400,
            "invalid_request")
        .body(
            "errors.field",
            equalTo(List.of("categories[0].externalId", "categories[1].externalId")));
  }

  @Test
  void refusesNullObjectsAndAMissingBody() {
    String key = DuckHub.venueKey();
    List<Object> categories = new ArrayList<>();
    categories.add(null);
    assertProblem(sync(key, body(null, categories, null, null)), 400, "invalid_request")
        .body("errors[0].field", equalTo("categories[0]"));
    assertProblem(
        given()
            .header("Authorization", "Bearer " + key)
            .contentType(ContentType.JSON)
            .post("/v1/sync")
            .then(),
        400,
        "invalid_request");
    assertProblem(
        given()
            .header("Authorization", "Bearer " + key)
            .contentType(ContentType.JSON)
            .body("{\"items\": {}}")
            .post("/v1/sync")
            .then(),
        400,
        "invalid_request");
  }

  @Test
  void refusesMoreObjectsThanTheLimitNamingIt() {
    String key = DuckHub.venueKey();
    List<Object> categories = new ArrayList<>();
    for (int i = 0; i <= 1000; i++) {
      categories.add(category("c" + i, "C"));
    }
    assertProblem(sync(key, body(null, categories, null, null)), 413, "too_many_objects")
        .body("field", equalTo("categories"))
        .body("limit", equalTo(1000))
        .body("detail", equalTo("A sync may carry at most 1000 categories."));
  }

  @Test
  void refusesABodyOverFiveMebibytes() {
    String key = DuckHub.venueKey();
    String huge =
        "{\"categories\":[{\"externalId\":\"c\",\"name\":\""
            + "x".repeat(5 * 1024 * 1024)
            + "\"}]}";
    assertProblem(
        given()
            .header("Authorization", "Bearer " + key)
            .contentType(ContentType.JSON)
            .body(huge)
            .post("/v1/sync")
            .then(),
        413,
        "payload_too_large");
  }

  @Test
  void acceptsTheLargestAllowedCatalog() {
    String key = DuckHub.venueKey();
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      items.add(item("i" + i, "c", i));
    }
    int created =
        sync(key, body("full", List.of(category("c", "C")), items, null))
            .statusCode(200)
            .extract()
            .path("items.created");
    assertEquals(10_000, created);
  }
}
