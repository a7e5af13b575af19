package com.spaceduck.gateway.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents (each written at build time to {@code
 * <service>/target/openapi/openapi.json}, already completed by PublicApiFilter) and the gateway's
 * own operations ({@code gateway/src/main/openapi/gateway.yaml}) into the one public API reference
 * the gateway serves. Deterministic: the same inputs give the same bytes, so the packaged document
 * can be compared with a fresh merge.
 *
 * <p>Schemas of the same name that differ between services are renamed with the service's name
 * ({@code SyncKeyResponse}); tags are the reference's own, by path; every operation gets an {@code
 * operationId} from its method and path when it has none, so generated clients have stable method
 * names.
 */
public final class ApiReferenceMerger {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Strings stay quoted: a YAML reader would take {@code 123456} or a date for other types. */
  static final ObjectMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

  /** The services in merge order (their paths never overlap; the order only names renames). */
  static final List<String> SERVICES = List.of("identity-service", "cert-service", "sync-service");

  private static final String SCHEMA_REF = "#/components/schemas/";

  /** Tags by path prefix, longest first: the reference's table of contents. */
  private record Tag(String prefix, String name, String description) {}

  private static final List<Tag> TAGS =
      List.of(
          new Tag(
              "/beak/signup",
              "Sign-up and sign-in",
              "Hatch a duckling, then sign in for an sd_token (Authorize: sd_token)."),
          new Tag("/beak/signin", "Sign-up and sign-in", null),
          new Tag("/beak/.well-known/", "Sign-up and sign-in", null),
          new Tag(
              "/beak/me",
              "Profile and verification",
              "The caller's profile; email and phone verification codes."),
          new Tag("/beak/verify/", "Profile and verification", null),
          new Tag(
              "/beak/keys",
              "Beak Keys",
              "Keys for agent-to-API calls: Authorization: Bearer bk_live_…"),
          new Tag(
              "/beak/trust",
              "Trust tiers",
              "T0 on sign-up, T1 verified, T2 certified, T3 agent-bonded. The request routes are"
                  + " operator actions (sd_token of an operator only)."),
          new Tag(
              "/beak/agents",
              "Agents and pecks",
              "Agents, bonds, and pecks between bonded agents."),
          new Tag("/beak/pecks", "Agents and pecks", null),
          new Tag(
              "/beak/webhooks",
              "Webhooks",
              "Signed Standard Webhooks deliveries of agent.registered, cert.issued, peck.sent and"
                  + " trust.elevated. **Webhook Tester**: `POST /beak/webhooks/{webhook_id}/test`"
                  + " sends a signed sample to your endpoint at once and shows its answer"
                  + " ([open it](#/Webhooks/postWebhooksByWebhookIdTest)). A Beak Key may come as"
                  + " `?beak_key=` on these routes only."),
          new Tag(
              "/beak/cert/verify",
              "Certificate verification",
              "Public: anyone may verify a birth certificate by id, link, QR code or credential."),
          new Tag(
              "/beak/cert/",
              "Birth certificates",
              "View, credentials (ES256), revocation status lists, JWKS, QR codes. Errors use"
                  + " snake_case codes."),
          new Tag(
              "/v1/venues",
              "DuckHub venues",
              "Venue owners (sd_token) manage venues and their dk_live_ API keys."),
          new Tag(
              "/v1/",
              "DuckHub catalog sync",
              "A venue's integration (Authorization: Bearer dk_live_…) syncs and reads its"
                  + " catalog."),
          new Tag(
              "/beak/",
              "Platform",
              "Public platform endpoints: status, metrics, newsletter, support, page views."));

  private ApiReferenceMerger() {}

  /** Merges the documents under {@code root} (the repository) into one. */
  public static ObjectNode merge(Path root) throws IOException {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    for (String service : SERVICES) {
      documents.put(
          service,
          JSON.readTree(root.resolve(service).resolve("target/openapi/openapi.json").toFile()));
    }
    documents.put(
        "gateway", YAML.readTree(root.resolve("gateway/src/main/openapi/gateway.yaml").toFile()));
    return merge(documents, documents.get(SERVICES.get(0)).path("info").path("version").asText());
  }

  static ObjectNode merge(Map<String, JsonNode> documents, String version) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode merged = f.objectNode();
    merged.put("openapi", "3.1.0");
    ObjectNode info = merged.putObject("info");
    info.put("title", "Space Duck API");
    info.put("version", version);
    info.put("description", description());
    merged.putArray("servers").addObject().put("url", "/").put("description", "This gateway");

    // Schemas first: a name two services define differently is renamed in the later ones.
    Map<String, JsonNode> seen = new LinkedHashMap<>();
    Map<String, Map<String, String>> renames = new LinkedHashMap<>();
    for (var entry : documents.entrySet()) {
      Map<String, String> rename = new LinkedHashMap<>();
      renames.put(entry.getKey(), rename);
      entry
          .getValue()
          .path("components")
          .path("schemas")
          .fields()
          .forEachRemaining(
              schema -> {
                String name = schema.getKey();
                JsonNode existing = seen.putIfAbsent(name, schema.getValue());
                if (existing != null && !existing.equals(schema.getValue())) {
                  rename.put(name, prefix(entry.getKey()) + name);
                }
              });
    }
    Map<String, JsonNode> schemas = new TreeMap<>();
    TreeMap<String, JsonNode> paths = new TreeMap<>();
    ObjectNode securitySchemes = f.objectNode();
    for (var entry : documents.entrySet()) {
      JsonNode document = rewriteRefs(entry.getValue(), renames.get(entry.getKey()));
      document
          .path("components")
          .path("schemas")
          .fields()
          .forEachRemaining(
              schema -> {
                String name = schema.getKey();
                if (!schemas.containsKey(name)) {
                  schemas.put(name, schema.getValue());
                }
              });
      document
          .path("components")
          .path("securitySchemes")
          .fields()
          .forEachRemaining(scheme -> securitySchemes.set(scheme.getKey(), scheme.getValue()));
      document
          .path("paths")
          .fields()
          .forEachRemaining(
              path -> {
                if (paths.containsKey(path.getKey())) {
                  throw new IllegalStateException(
                      path.getKey() + " is described by two documents (" + entry.getKey() + ")");
                }
                paths.put(path.getKey(), path.getValue());
              });
    }
    ArrayNode tags = merged.putArray("tags");
    List<String> tagNames = new ArrayList<>();
    for (Tag tag : TAGS) {
      if (tag.description() != null && !tagNames.contains(tag.name())) {
        tagNames.add(tag.name());
        tags.addObject().put("name", tag.name()).put("description", tag.description());
      }
    }
    ObjectNode mergedPaths = merged.putObject("paths");
    paths.forEach(
        (path, item) -> {
          ObjectNode copy = ((ObjectNode) item).deepCopy();
          copy.fields()
              .forEachRemaining(
                  op -> {
                    if (!op.getValue().isObject() || op.getKey().equals("parameters")) {
                      return;
                    }
                    ObjectNode operation = (ObjectNode) op.getValue();
                    operation.set("tags", f.arrayNode().add(tagOf(path)));
                    operation.put("operationId", operationId(op.getKey(), path));
                    JsonNode security = operation.get("security");
                    if (security != null
                        && security.isArray()
                        && security.size() == 1
                        && security.get(0).isEmpty()) {
                      // "[{}]" and "[]" both mean public; the reference says it one way.
                      operation.set("security", f.arrayNode());
                    }
                  });
          mergedPaths.set(path, copy);
        });
    ObjectNode components = merged.putObject("components");
    ObjectNode schemaNode = components.putObject("schemas");
    schemas.forEach(schemaNode::set);
    components.set("securitySchemes", securitySchemes);
    return merged;
  }

  static String description() {
    return String.join(
        "\n",
        "The whole public API of Space Duck: identities and Beak Keys (`/beak/**`), birth"
            + " certificates (`/beak/cert/**`) and DuckHub (`/v1/**`), all through this gateway.",
        "",
        "**SDK Playground**: this page. Choose *Authorize*, paste an sd_token (from"
            + " `POST /beak/signin`), a Beak Key or a DuckHub key, then *Try it out* on any"
            + " operation: the call goes to this gateway, rate limits included.",
        "",
        "**Webhook Tester**: `POST /beak/webhooks/{webhook_id}/test` in the"
            + " [Webhooks](#/Webhooks) section.",
        "",
        "**Errors** are RFC 9457 problem documents (`application/problem+json`, schema"
            + " `Problem`) with a machine-readable `code` (`E4005` on `/beak/**`, `not_found` on"
            + " `/beak/cert/**` and `/v1/**`), the `request_id` of the `X-Request-Id` header, and"
            + " `errors[]` for invalid input. Each problem response lists the codes it can carry"
            + " (`x-problem-codes`).",
        "",
        "**Rate limits** answer 429 with `Retry-After`; every limited answer carries"
            + " `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy`."
            + " The document itself: `/openapi.json`, `/openapi.yaml`.");
  }

  static String tagOf(String path) {
    return TAGS.stream()
        .filter(t -> path.startsWith(t.prefix()))
        .max((a, b) -> Integer.compare(a.prefix().length(), b.prefix().length()))
        .map(Tag::name)
        .orElseThrow(() -> new IllegalStateException("No tag for " + path));
  }

  /**
   * {@code post} {@code /beak/webhooks/{webhook_id}/test} → {@code postWebhooksByWebhookIdTest}.
   */
  static String operationId(String method, String path) {
    StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals("beak")) {
        continue;
      }
      boolean parameter = segment.startsWith("{");
      if (parameter) {
        id.append("By");
      }
      for (String word : segment.replaceAll("[{}]", "").split("[^A-Za-z0-9]+|(?=[A-Z])")) {
        if (!word.isEmpty()) {
          id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
      }
    }
    return id.toString();
  }

  private static String prefix(String document) {
    String name = document.replace("-service", "");
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static JsonNode rewriteRefs(JsonNode node, Map<String, String> rename) {
    if (rename.isEmpty()) {
      return node;
    }
    JsonNode copy = node.deepCopy();
    rewrite(copy, rename);
    if (copy.path("components").path("schemas") instanceof ObjectNode schemas) {
      for (var entry : rename.entrySet()) {
        JsonNode schema = schemas.remove(entry.getKey());
        if (schema != null) {
          schemas.set(entry.getValue(), schema);
        }
      }
    }
    return copy;
  }

  private static void rewrite(JsonNode node, Map<String, String> rename) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
        String target = rename.get(ref.asText().substring(SCHEMA_REF.length()));
        if (target != null) {
          object.set("$ref", TextNode.valueOf(SCHEMA_REF + target));
        }
      }
      for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
        rewrite(it.next(), rename);
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> rewrite(element, rename));
    }
  }

  /** The JSON and YAML forms, as packaged. */
  static String json(JsonNode document) throws IOException {
    return JSON.writeValueAsString(document) + "\n";
  }

  static String yaml(JsonNode document) throws IOException {
    return YAML.writeValueAsString(document);
  }

  static void write(JsonNode document, Path directory) throws IOException {
    Files.writeString(directory.resolve("openapi.json"), json(document));
    Files.writeString(directory.resolve("openapi.yaml"), yaml(document));
  }
}
