package com.spaceduck.gateway.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What the public API reference must say about every operation: a summary; a security requirement
 * naming defined schemes, or an explicit {@code security: []}; a schema for the request body it
 * takes; a success response with a schema (204, 202 and 304 may have no body); and the shared
 * {@code Problem} schema, with the codes it carries, on every 4xx and 5xx response, of which 429
 * (rate limits) and 500 every operation has. Also: {@code Problem} carries {@code code}, {@code
 * request_id} and {@code errors}, every {@code $ref} resolves, and no path outside the public API
 * ({@code /beak/**}, {@code /v1/**}) is described.
 */
public final class ApiReferenceCheck {

  static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private ApiReferenceCheck() {}

  /** Every gap, one line each naming the operation; empty when the document is complete. */
  public static List<String> violations(JsonNode document) {
    List<String> violations = new ArrayList<>();
    JsonNode problem = document.path("components").path("schemas").path("Problem");
    for (String field :
        List.of("type", "title", "status", "detail", "code", "request_id", "errors")) {
      if (problem.path("properties").path(field).isMissingNode()) {
        violations.add("components.schemas.Problem: no property " + field);
      }
    }
    Set<String> schemes = new HashSet<>();
    document.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
    if (!document.path("paths").isObject() || document.path("paths").isEmpty()) {
      violations.add("paths: none");
    }
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path -> {
              if (!path.getKey().startsWith("/beak/") && !path.getKey().startsWith("/v1/")) {
                violations.add(path.getKey() + ": not a public path");
              }
              path.getValue()
                  .fields()
                  .forEachRemaining(
                      op -> {
                        if (METHODS.contains(op.getKey())) {
                          String name = op.getKey().toUpperCase() + " " + path.getKey();
                          operation(name, op.getValue(), schemes, violations);
                        }
                      });
            });
    Set<String> defined = new HashSet<>();
    document.path("components").path("schemas").fieldNames().forEachRemaining(defined::add);
    refs(document, defined, violations);
    return violations;
  }

  private static void operation(
      String name, JsonNode operation, Set<String> schemes, List<String> violations) {
    if (operation.path("summary").asText("").isBlank()) {
      violations.add(name + ": no summary");
    }
    JsonNode security = operation.get("security");
    if (security == null || !security.isArray()) {
      violations.add(name + ": no security requirement (say security: [] when public)");
    } else {
      security.forEach(
          requirement ->
              requirement
                  .fieldNames()
                  .forEachRemaining(
                      scheme -> {
                        if (!schemes.contains(scheme)) {
                          violations.add(name + ": unknown security scheme " + scheme);
                        }
                      }));
    }
    JsonNode body = operation.get("requestBody");
    if (body != null && !hasSchema(body.path("content"))) {
      violations.add(name + ": request body without a schema");
    }
    JsonNode responses = operation.path("responses");
    boolean success = false;
    Iterator<String> codes = responses.fieldNames();
    while (codes.hasNext()) {
      String code = codes.next();
      JsonNode response = responses.get(code);
      if (code.startsWith("2") || code.equals("304")) {
        success |= code.startsWith("2");
        boolean bodiless = code.equals("204") || code.equals("202") || code.equals("304");
        if (!bodiless && !hasSchema(response.path("content"))) {
          violations.add(name + ": " + code + " response without a schema");
        }
      } else if (code.startsWith("4") || code.startsWith("5")) {
        JsonNode problem = response.path("content").path("application/problem+json");
        if (!PROBLEM_REF.equals(problem.path("schema").path("$ref").asText())) {
          violations.add(
              name + ": " + code + " response is not an application/problem+json Problem");
        }
        if (response.path("x-problem-codes").isEmpty()) {
          violations.add(name + ": " + code + " response lists no problem codes");
        }
      }
    }
    if (!success) {
      violations.add(name + ": no 2xx response");
    }
    for (String required : List.of("429", "500")) {
      if (responses.path(required).isMissingNode()) {
        violations.add(name + ": no " + required + " problem response");
      }
    }
  }

  private static boolean hasSchema(JsonNode content) {
    if (!content.isObject() || content.isEmpty()) {
      return false;
    }
    Iterator<JsonNode> types = content.elements();
    while (types.hasNext()) {
      JsonNode schema = types.next().path("schema");
      if (!schema.isObject() || schema.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static void refs(JsonNode node, Set<String> defined, List<String> violations) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        String target = ref.asText();
        if (!target.startsWith("#/components/schemas/")
            || !defined.contains(target.substring("#/components/schemas/".length()))) {
          violations.add("$ref " + target + " does not resolve");
        }
      }
    }
    node.elements().forEachRemaining(child -> refs(child, defined, violations));
  }
}
