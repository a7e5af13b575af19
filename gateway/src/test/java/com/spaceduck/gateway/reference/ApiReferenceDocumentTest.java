package com.spaceduck.gateway.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged API reference is the merge of what the services' builds wrote, and it is complete.
 * After changing an API, build the services and write the reference again:
 *
 * <pre>
 * ./mvnw -pl identity-service,cert-service,sync-service package -DskipTests
 * ./mvnw -pl gateway test -Dtest=ApiReferenceDocumentTest -Dspaceduck.api-reference.write=true
 * </pre>
 */
class ApiReferenceDocumentTest {

  private static final Path ROOT = Path.of("..");
  private static final Path PACKAGED = Path.of("src/main/resources/api-reference");

  @Test
  void packagedReferenceIsTheMergeOfTheServicesDocuments() throws IOException {
    for (String service : ApiReferenceMerger.SERVICES) {
      Assumptions.assumeTrue(
          Files.exists(ROOT.resolve(service).resolve("target/openapi/openapi.json")),
          service + " was not built in this checkout: nothing to compare with");
    }
    ObjectNode merged = ApiReferenceMerger.merge(ROOT);
    if (Boolean.getBoolean("spaceduck.api-reference.write")) {
      ApiReferenceMerger.write(merged, PACKAGED);
    }
    assertEquals(
        ApiReferenceMerger.json(merged),
        Files.readString(PACKAGED.resolve("openapi.json")),
        "gateway/src/main/resources/api-reference/openapi.json is not the merge of the"
            + " services' documents: write it again (see this test's Javadoc)");
    assertEquals(
        ApiReferenceMerger.yaml(merged), Files.readString(PACKAGED.resolve("openapi.yaml")));
  }

  @Test
  void packagedReferenceIsComplete() throws IOException {
    JsonNode document = packaged("openapi.json");
    assertEquals(java.util.List.of(), ApiReferenceCheck.violations(document));
    assertEquals("/", document.path("servers").get(0).path("url").asText());
    for (String path :
        java.util.List.of("/beak/signup", "/beak/cert/verify", "/v1/sync", "/beak/system/status")) {
      assertTrue(document.path("paths").has(path), path);
    }
  }

  @Test
  void packagedYamlSaysWhatTheJsonSays() throws IOException {
    assertEquals(
        packaged("openapi.json"), ApiReferenceMerger.YAML.readTree(resource("openapi.yaml")));
  }

  @Test
  void problemResponsesCarryTheirFamilysCodes() throws IOException {
    JsonNode paths = packaged("openapi.json").path("paths");
    assertTrue(
        paths
            .at("/~1beak~1signup/post/responses/409/x-problem-codes")
            .toString()
            .contains("E4003"));
    assertTrue(
        paths
            .at("/~1beak~1cert~1verify/get/responses/404/x-problem-codes")
            .toString()
            .contains("cert_not_found"));
    assertTrue(
        paths
            .at("/~1v1~1sync/post/responses/401/x-problem-codes")
            .toString()
            .contains("missing_api_key"));
    assertTrue(paths.at("/~1beak~1webhooks/get/security").toString().contains("beak_key_query"));
    assertFalse(paths.at("/~1beak~1me/get/security").toString().contains("beak_key_query"));
    assertFalse(paths.at("/~1beak~1trust~1requests/get/security").toString().contains("beak_key"));
    assertFalse(paths.at("/~1beak~1keys/post/security").toString().contains("beak_key"));
    assertTrue(
        paths.at("/~1beak~1pecks/post/responses/409/x-problem-codes").toString().contains("E4003"));
  }

  @Test
  void completeFixtureHasNoViolations() throws IOException {
    assertEquals(java.util.List.of(), ApiReferenceCheck.violations(fixture()));
  }

  static Stream<Arguments> gaps() {
    Map<String, Consumer<ObjectNode>> gaps = new LinkedHashMap<>();
    gaps.put("no summary", d -> post(d).remove("summary"));
    gaps.put("no security requirement", d -> post(d).remove("security"));
    gaps.put(
        "unknown security scheme", d -> post(d).putArray("security").addObject().putArray("nope"));
    gaps.put(
        "request body without a schema",
        d -> ((ObjectNode) post(d).at("/requestBody/content/application~1json")).remove("schema"));
    gaps.put(
        "201 response without a schema",
        d -> ((ObjectNode) post(d).at("/responses/201")).remove("content"));
    gaps.put("no 2xx response", d -> ((ObjectNode) post(d).at("/responses")).remove("201"));
    gaps.put(
        "400 response is not an application/problem+json Problem",
        d ->
            ((ObjectNode) post(d).at("/responses/400/content/application~1problem+json/schema"))
                .put("$ref", "#/components/schemas/Thing"));
    gaps.put(
        "400 response lists no problem codes",
        d -> ((ObjectNode) post(d).at("/responses/400")).remove("x-problem-codes"));
    gaps.put("no 429 problem response", d -> ((ObjectNode) post(d).at("/responses")).remove("429"));
    gaps.put(
        "Problem: no property request_id",
        d -> ((ObjectNode) d.at("/components/schemas/Problem/properties")).remove("request_id"));
    gaps.put("does not resolve", d -> ((ObjectNode) d.at("/components/schemas")).remove("Thing"));
    gaps.put(
        "not a public path",
        d ->
            ((ObjectNode) d.path("paths")).set("/q/openapi", d.path("paths").path("/beak/status")));
    return gaps.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gaps")
  void findsEachGap(String gap, Consumer<ObjectNode> damage) throws IOException {
    ObjectNode document = fixture();
    damage.accept(document);
    var violations = ApiReferenceCheck.violations(document);
    assertTrue(violations.stream().anyMatch(v -> v.contains(gap)), gap + " not in " + violations);
  }

  @Test
  void schemasTwoServicesNameAlikeButDefineDifferentlyAreRenamed() throws IOException {
    JsonNode a =
        ApiReferenceMerger.JSON.readTree(
            "{\"paths\":{\"/beak/a\":{\"get\":{\"responses\":{\"200\":{\"content\":{\"application/json\":"
                + "{\"schema\":{\"$ref\":\"#/components/schemas/KeyResponse\"}}}}}}}},"
                + "\"components\":{\"schemas\":{\"KeyResponse\":{\"type\":\"object\"}}}}");
    JsonNode b =
        ApiReferenceMerger.JSON.readTree(
            "{\"paths\":{\"/v1/b\":{\"get\":{\"responses\":{\"200\":{\"content\":{\"application/json\":"
                + "{\"schema\":{\"$ref\":\"#/components/schemas/KeyResponse\"}}}}}}}},"
                + "\"components\":{\"schemas\":{\"KeyResponse\":{\"type\":\"string\"}}}}");
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    documents.put("identity-service", a);
    documents.put("sync-service", b);
    JsonNode merged = ApiReferenceMerger.merge(documents, "1");
    assertEquals("object", merged.at("/components/schemas/KeyResponse/type").asText());
    assertEquals("string", merged.at("/components/schemas/SyncKeyResponse/type").asText());
    assertEquals(
        "#/components/schemas/SyncKeyResponse",
        merged
            .at("/paths/~1v1~1b/get/responses/200/content/application~1json/schema/$ref")
            .asText());
    assertEquals("getV1B", merged.at("/paths/~1v1~1b/get/operationId").asText());
  }

  @Test
  void operationIdsComeFromMethodAndPath() {
    assertEquals(
        "postWebhooksByWebhookIdTest",
        ApiReferenceMerger.operationId("post", "/beak/webhooks/{webhook_id}/test"));
    assertEquals(
        "getV1VenuesByVenueIdApiKey",
        ApiReferenceMerger.operationId("get", "/v1/venues/{venueId}/api-key"));
    assertEquals(
        "getWellKnownJwksJson",
        ApiReferenceMerger.operationId("get", "/beak/.well-known/jwks.json"));
  }

  private static ObjectNode post(ObjectNode document) {
    return (ObjectNode) document.at("/paths/~1beak~1things/post");
  }

  private static ObjectNode fixture() throws IOException {
    try (InputStream in =
        ApiReferenceDocumentTest.class.getResourceAsStream("/api-reference/complete.json")) {
      return (ObjectNode) ApiReferenceMerger.JSON.readTree(in);
    }
  }

  private static JsonNode packaged(String name) throws IOException {
    return ApiReferenceMerger.JSON.readTree(resource(name));
  }

  private static String resource(String name) throws IOException {
    return Files.readString(PACKAGED.resolve(name), StandardCharsets.UTF_8);
  }
}
