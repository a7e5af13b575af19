package com.spaceduck.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class PublicApiFilterTest {

  @Test
  void keepsOnlyThePublicApi() {
    OpenAPI api = api();
    api.getPaths()
        .addPathItem("/beak/me", OASFactory.createPathItem().GET(operation()))
        .addPathItem("/v1/catalog", OASFactory.createPathItem().GET(operation()))
        .addPathItem("/internal/replay", OASFactory.createPathItem().POST(operation()))
        .addPathItem("/q/health", OASFactory.createPathItem().GET(operation()));
    new PublicApiFilter().filterOpenAPI(api);
    assertEquals(Set.of("/beak/me", "/v1/catalog"), api.getPaths().getPathItems().keySet());
    assertTrue(api.getComponents().getSchemas().containsKey("Problem"));
    assertEquals(
        Set.of("sd_token", "beak_key", "beak_key_query", "duckhub_key"),
        api.getComponents().getSecuritySchemes().keySet());
  }

  @Test
  void everyOperationGetsTheProblemsItCanMeetTypedWithProblem() {
    Operation op =
        operation()
            .requestBody(OASFactory.createRequestBody())
            .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("sd_token"));
    OpenAPI api = api();
    api.getPaths().addPathItem("/beak/cert/{cert_id}", OASFactory.createPathItem().POST(op));
    new PublicApiFilter().filterOpenAPI(api);
    Map<String, APIResponse> responses = op.getResponses().getAPIResponses();
    assertEquals(
        Set.of("200", "400", "401", "404", "413", "415", "429", "500", "503"), responses.keySet());
    APIResponse notFound = responses.get("404");
    assertEquals(
        "#/components/schemas/Problem",
        notFound.getContent().getMediaType("application/problem+json").getSchema().getRef());
    assertEquals(List.of("not_found"), notFound.getExtensions().get("x-problem-codes"));
    assertEquals(
        List.of("rate_limited"), responses.get("429").getExtensions().get("x-problem-codes"));
  }

  @Test
  void publicOperationsWithoutInputMeetOnlyLimitsAndFailures() {
    Operation op = operation();
    OpenAPI api = api();
    api.getPaths().addPathItem("/beak/metrics", OASFactory.createPathItem().GET(op));
    new PublicApiFilter().filterOpenAPI(api);
    assertEquals(Set.of("200", "429", "500", "503"), op.getResponses().getAPIResponses().keySet());
    assertEquals(
        List.of("E4004"),
        op.getResponses().getAPIResponse("429").getExtensions().get("x-problem-codes"));
  }

  @Test
  void declaredCodesFollowTheFamilysCode() {
    Operation op = operation();
    op.getResponses()
        .addAPIResponse(
            "401",
            OASFactory.createAPIResponse()
                .description("Missing or invalid API key")
                .addExtension("x-problem-codes", "missing_api_key, invalid_api_key"));
    OpenAPI api = api();
    api.getPaths().addPathItem("/v1/sync", OASFactory.createPathItem().POST(op));
    new PublicApiFilter().filterOpenAPI(api);
    APIResponse unauthorized = op.getResponses().getAPIResponse("401");
    assertEquals("Missing or invalid API key", unauthorized.getDescription());
    assertEquals(
        List.of("unauthorized", "missing_api_key", "invalid_api_key"),
        unauthorized.getExtensions().get("x-problem-codes"));
  }

  @Test
  void edgeHeadersAreNotTheClientsToSend() {
    Operation op =
        operation()
            .addParameter(
                OASFactory.createParameter().name("X-Geo-Country").in(Parameter.In.HEADER))
            .addParameter(
                OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER));
    OpenAPI api = api();
    api.getPaths().addPathItem("/beak/signup", OASFactory.createPathItem().POST(op));
    new PublicApiFilter().filterOpenAPI(api);
    assertEquals(
        List.of("Idempotency-Key"), op.getParameters().stream().map(Parameter::getName).toList());
    assertNull(api.getServers());
  }

  @Test
  void familiesFollowThePath() {
    assertEquals("SPACE_DUCK", PublicApiFilter.familyOf("/beak/certificates").name());
    assertEquals("SNAKE_CASE", PublicApiFilter.familyOf("/beak/cert/verify").name());
    assertEquals("SNAKE_CASE", PublicApiFilter.familyOf("/v1/sync").name());
  }

  private static OpenAPI api() {
    return OASFactory.createOpenAPI()
        .paths(OASFactory.createPaths())
        .addServer(OASFactory.createServer().url("http://localhost:8081"));
  }

  private static Operation operation() {
    return OASFactory.createOperation()
        .summary("s")
        .responses(
            OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
  }
}
