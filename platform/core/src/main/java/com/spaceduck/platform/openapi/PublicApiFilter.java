package com.spaceduck.platform.openapi;

import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes every service's OpenAPI document at build time the same way, so the gateway can merge
 * them into one public API reference (gateway/README.md):
 *
 * <ul>
 *   <li>only the public API stays ({@code /beak/**}, {@code /v1/**}); nothing else a service serves
 *       is described;
 *   <li>the security schemes every service names ({@link #SD_TOKEN}, {@link #BEAK_KEY}, {@link
 *       #BEAK_KEY_QUERY}, {@link #DUCKHUB_KEY}) and the one {@code Problem} schema are defined
 *       once;
 *   <li>every operation gets the problem responses it can answer with (the ones its annotations
 *       declare, plus those every request can meet: invalid input, credentials, rate limits,
 *       failures), each typed with {@code Problem} and listing the {@code code} it carries for its
 *       path's family.
 * </ul>
 *
 * Operations declare their summary, security and operation-specific problems ({@code 409 E4003})
 * with MicroProfile OpenAPI annotations; this filter adds what is the same everywhere.
 */
public class PublicApiFilter implements OASFilter {

  /** A user's session token from {@code POST /beak/signin}: {@code Authorization: Bearer eyJ…}. */
  public static final String SD_TOKEN = "sd_token";

  /** A duckling's Beak Key: {@code Authorization: Bearer bk_live_…}. */
  public static final String BEAK_KEY = "beak_key";

  /** A Beak Key as {@code ?beak_key=bk_live_…}: webhook routes only. */
  public static final String BEAK_KEY_QUERY = "beak_key_query";

  /** A DuckHub venue's API key: {@code Authorization: Bearer dk_live_…}. */
  public static final String DUCKHUB_KEY = "duckhub_key";

  public static final String PROBLEM = "Problem";
  public static final String FIELD_ERROR = "FieldError";
  public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

  /** The {@code code}s a problem response can carry, listed on each response. */
  public static final String PROBLEM_CODES = "x-problem-codes";

  private static final String SCHEMAS = "#/components/schemas/";

  private static final Set<String> EDGE_HEADERS =
      Set.of("x-geo-country", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      for (String path : new ArrayList<>(openAPI.getPaths().getPathItems().keySet())) {
        if (!isPublic(path)) {
          openAPI.getPaths().removePathItem(path);
        }
      }
    }
    openAPI.setServers(null);
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    components.addSchema(FIELD_ERROR, fieldErrorSchema());
    components.addSchema(PROBLEM, problemSchema());
    Map<String, SecurityScheme> schemes = new LinkedHashMap<>(securitySchemes());
    components.setSecuritySchemes(schemes);
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach((method, operation) -> complete(path, method, operation)));
  }

  /** Whether a path belongs to the public API the gateway routes. */
  public static boolean isPublic(String path) {
    return path.startsWith("/beak/") || path.startsWith("/v1/");
  }

  /** The problem family of a public path: certificates and DuckHub use snake_case codes. */
  public static ProblemFamily familyOf(String path) {
    return path.startsWith("/beak/cert/") || path.startsWith("/v1/")
        ? ProblemFamily.SNAKE_CASE
        : ProblemFamily.SPACE_DUCK;
  }

  private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
    ProblemFamily family = familyOf(path);
    if (operation.getParameters() != null) {
      // Edge headers are the ingress's to set (and stripped from anyone else): not a client's.
      List<Parameter> parameters =
          operation.getParameters().stream()
              .filter(
                  p ->
                      !(p.getIn() == Parameter.In.HEADER
                          && EDGE_HEADERS.contains(p.getName().toLowerCase(Locale.ROOT))))
              .toList();
      operation.setParameters(parameters.isEmpty() ? null : parameters);
    }
    TreeSet<Integer> statuses = new TreeSet<>();
    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
      operation
          .getResponses()
          .getAPIResponses()
          .keySet()
          .forEach(
              code -> {
                if (code.matches("[45]\\d\\d")) {
                  statuses.add(Integer.parseInt(code));
                }
              });
    } else {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    boolean hasBody = operation.getRequestBody() != null;
    boolean hasParameters =
        operation.getParameters() != null && !operation.getParameters().isEmpty();
    boolean secured =
        operation.getSecurity() != null
            && operation.getSecurity().stream()
                .anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
    if (hasBody || hasParameters) {
      statuses.add(400);
    }
    if (secured) {
      statuses.add(401);
    }
    if (path.contains("{")) {
      statuses.add(404);
    }
    if (hasBody) {
      statuses.add(413);
      statuses.add(415);
    }
    statuses.add(429);
    statuses.add(500);
    statuses.add(503);
    for (int status : statuses) {
      String key = Integer.toString(status);
      APIResponse response = operation.getResponses().getAPIResponse(key);
      if (response == null) {
        response = OASFactory.createAPIResponse();
        operation.getResponses().addAPIResponse(key, response);
      }
      problemResponse(response, family, status);
    }
    // In the order of their codes, success first, whatever order they were declared in.
    APIResponses byCode = OASFactory.createAPIResponses();
    new TreeMap<>(operation.getResponses().getAPIResponses()).forEach(byCode::addAPIResponse);
    byCode.setExtensions(operation.getResponses().getExtensions());
    operation.setResponses(byCode);
  }

  private static void problemResponse(APIResponse response, ProblemFamily family, int status) {
    ErrorKind kind = ErrorKind.forStatus(status);
    String code = family.code(kind);
    List<String> codes = new ArrayList<>();
    codes.add(code);
    Object declared =
        response.getExtensions() == null ? null : response.getExtensions().get(PROBLEM_CODES);
    if (declared instanceof String text) {
      for (String extra : text.split(",")) {
        if (!extra.isBlank() && !codes.contains(extra.strip())) {
          codes.add(extra.strip());
        }
      }
    } else if (declared instanceof List<?> list) {
      list.forEach(
          extra -> {
            if (!codes.contains(extra.toString())) {
              codes.add(extra.toString());
            }
          });
    }
    response.addExtension(PROBLEM_CODES, codes);
    if (response.getDescription() == null || response.getDescription().isBlank()) {
      response.setDescription(kind.title());
    }
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", "https://spaceduck.example/problems/" + code);
    example.put("title", kind.title());
    example.put("status", status);
    example.put("detail", exampleDetail(kind));
    example.put("code", code);
    example.put("request_id", "3f2c9a4e-6a0b-4c1e-9f55-2d1e8b7c0a11");
    if (kind == ErrorKind.BAD_REQUEST) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("field", "email");
      error.put("message", "must be a valid email address");
      example.put("errors", List.of(error));
    }
    MediaType mediaType =
        OASFactory.createMediaType()
            .schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM))
            .example(example);
    response.setContent(OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE, mediaType));
  }

  private static String exampleDetail(ErrorKind kind) {
    return switch (kind) {
      case BAD_REQUEST -> "The request is invalid; see errors.";
      case UNAUTHORIZED -> "A valid credential is required.";
      case FORBIDDEN -> "This credential may not do this.";
      case NOT_FOUND -> "No resource matches this path.";
      case CONFLICT -> "The resource already exists or changed.";
      case TOO_MANY_REQUESTS ->
          "Rate limit exceeded. Retry after the Retry-After header's seconds.";
      case UNAVAILABLE -> "The service is temporarily unavailable; retry after Retry-After.";
      case INTERNAL -> "An unexpected error occurred.";
      default -> kind.title() + ".";
    };
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description(
            "An RFC 9457 problem document (application/problem+json), the body of every error"
                + " response.")
        .addRequired("type")
        .addRequired("title")
        .addRequired("status")
        .addRequired("code")
        .addRequired("request_id")
        .addProperty(
            "type",
            string("A URI naming the problem type.")
                .format("uri")
                .examples(List.of("https://spaceduck.example/problems/E4005")))
        .addProperty("title", string("The status's reason phrase.").examples(List.of("Not Found")))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER)
                .format("int32")
                .description("The HTTP status code.")
                .examples(List.of(404)))
        .addProperty(
            "detail",
            string("What went wrong, for a person.")
                .examples(List.of("No resource matches this path.")))
        .addProperty(
            "code",
            string(
                    "The machine-readable error code: E4xxx/E5xxx on /beak/**, snake_case on"
                        + " /beak/cert/** and /v1/**. Each response lists the codes it can carry in"
                        + " x-problem-codes.")
                .examples(List.of("E4005")))
        .addProperty(
            "request_id",
            string("The request's id, also in the X-Request-Id header.")
                .examples(List.of("3f2c9a4e-6a0b-4c1e-9f55-2d1e8b7c0a11")))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .description("Invalid input, one entry per field (400 only).")
                .items(OASFactory.createSchema().ref(SCHEMAS + FIELD_ERROR)));
  }

  private static Schema fieldErrorSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .addRequired("field")
        .addRequired("message")
        .addProperty(
            "field",
            string("The field's path as the client wrote it.")
                .examples(List.of("items[12].price.amount")))
        .addProperty(
            "message", string("What is wrong with it.").examples(List.of("must not be blank")));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
  }

  private static Map<String, SecurityScheme> securitySchemes() {
    Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
    schemes.put(
        SD_TOKEN,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description(
                "A duckling's session token (sd_token) from POST /beak/signin:"
                    + " Authorization: Bearer eyJ…"));
    schemes.put(
        BEAK_KEY,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("bk_live_…")
            .description(
                "A Beak Key from POST /beak/keys, for agent-to-API calls:"
                    + " Authorization: Bearer bk_live_…"));
    schemes.put(
        BEAK_KEY_QUERY,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.QUERY)
            .name("beak_key")
            .description(
                "A Beak Key as ?beak_key=bk_live_…, for webhook senders that cannot set headers."
                    + " Accepted on the webhook routes only (refused with 401 elsewhere)."));
    schemes.put(
        DUCKHUB_KEY,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("dk_live_…")
            .description(
                "A DuckHub venue's API key from POST /v1/venues/{venueId}/api-key:"
                    + " Authorization: Bearer dk_live_…"));
    return schemes;
  }
}
