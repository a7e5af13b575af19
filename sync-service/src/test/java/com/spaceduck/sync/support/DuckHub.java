package com.spaceduck.sync.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The DuckHub API as a client sees it: venues and keys with an sd_token, syncs with the key. */
public final class DuckHub {

  private DuckHub() {}

  /** A venue of the token's owner; answers its id. */
  public static String venue(String token) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Duck Pond Diner"))
        .post("/v1/venues")
        .then()
        .statusCode(201)
        .extract()
        .path("venueId");
  }

  /** Generates (or regenerates) the venue's key; answers the full key. */
  public static String key(String token, String venueId) {
    return given()
        .auth()
        .oauth2(token)
        .post("/v1/venues/" + venueId + "/api-key")
        .then()
        .statusCode(201)
        .extract()
        .path("apiKey");
  }

  /** A fresh venue with a key; answers the key. */
  public static String venueKey() {
    String token = Tokens.owner();
    return key(token, venue(token));
  }

  public static ValidatableResponse sync(String key, Object body) {
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/sync")
        .then();
  }

  public static ValidatableResponse catalog(String key) {
    return given().header("Authorization", "Bearer " + key).get("/v1/catalog").then();
  }

  public static Map<String, Object> category(String id, String name) {
    return new LinkedHashMap<>(Map.of("externalId", id, "name", name));
  }

  public static Map<String, Object> item(String id, String category, long amount) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("externalId", id);
    item.put("categoryExternalId", category);
    item.put("name", "Item " + id);
    item.put("price", Map.of("amount", amount, "currency", "EUR"));
    item.put("available", true);
    return item;
  }

  public static Map<String, Object> group(String id, String... modifierIds) {
    List<Map<String, Object>> modifiers = new ArrayList<>();
    for (String modifier : modifierIds) {
      modifiers.add(
          Map.of(
              "externalId",
              modifier,
              "name",
              "Extra " + modifier,
              "price",
              Map.of("amount", 50, "currency", "EUR")));
    }
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("externalId", id);
    group.put("name", "Group " + id);
    group.put("modifiers", modifiers);
    return group;
  }

  /** A sync body; null lists are left out. */
  public static Map<String, Object> body(
      String mode, List<?> categories, List<?> items, List<?> modifierGroups) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (mode != null) {
      body.put("mode", mode);
    }
    if (categories != null) {
      body.put("categories", categories);
    }
    if (items != null) {
      body.put("items", items);
    }
    if (modifierGroups != null) {
      body.put("modifierGroups", modifierGroups);
    }
    return body;
  }
}
