package com.spaceduck.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Makes a resource method's {@code @ResponseStatus} its documented success status. SmallRye OpenAPI
 * derives the success response of a method that declares no other response from its return type,
 * but always as {@code 200}; here that response becomes the status the method answers with, such as
 * {@code 201 Created}. (A method that declares other responses, such as a {@code 403}, gets no
 * derived response: it declares its success response itself, and that stays as declared.)
 */
public class ResponseStatusFilter implements OASFilter {

  private static final DotName RESPONSE_STATUS =
      DotName.createSimple("org.jboss.resteasy.reactive.ResponseStatus");
  private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
  private static final Map<DotName, PathItem.HttpMethod> HTTP_METHODS =
      Map.of(
          DotName.createSimple("jakarta.ws.rs.GET"), PathItem.HttpMethod.GET,
          DotName.createSimple("jakarta.ws.rs.POST"), PathItem.HttpMethod.POST,
          DotName.createSimple("jakarta.ws.rs.PUT"), PathItem.HttpMethod.PUT,
          DotName.createSimple("jakarta.ws.rs.PATCH"), PathItem.HttpMethod.PATCH,
          DotName.createSimple("jakarta.ws.rs.DELETE"), PathItem.HttpMethod.DELETE);
  private static final String DERIVED = "200";

  private final IndexView index;

  /**
   * @param index the classes the document was scanned from (ApiDocumentFilter passes its own).
   */
  public ResponseStatusFilter(IndexView index) {
    this.index = index;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (AnnotationInstance status : index.getAnnotations(RESPONSE_STATUS)) {
      if (status.target().kind() == AnnotationTarget.Kind.METHOD) {
        Operation operation = operation(openAPI, status.target().asMethod());
        if (operation != null) {
          document(operation, status.value().asInt());
        }
      }
    }
  }

  private static Operation operation(OpenAPI openAPI, MethodInfo method) {
    PathItem.HttpMethod httpMethod = null;
    for (var entry : HTTP_METHODS.entrySet()) {
      if (method.hasDeclaredAnnotation(entry.getKey())) {
        httpMethod = entry.getValue();
      }
    }
    ClassInfo resource = method.declaringClass();
    AnnotationInstance classPath = resource.declaredAnnotation(PATH);
    if (httpMethod == null || classPath == null) {
      return null;
    }
    AnnotationInstance methodPath = method.declaredAnnotation(PATH);
    String path =
        path(classPath.value().asString(), methodPath == null ? "" : methodPath.value().asString());
    PathItem item = openAPI.getPaths().getPathItem(path);
    return item == null || item.getOperations() == null
        ? null
        : item.getOperations().get(httpMethod);
  }

  /** The template as SmallRye OpenAPI writes it: one leading slash, none trailing. */
  static String path(String classPath, String methodPath) {
    String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
    // A parameter with a pattern, {id: [0-9]+}, is documented as {id}.
    joined = joined.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }

  private static void document(Operation operation, int code) {
    String status = Integer.toString(code);
    APIResponses responses = operation.getResponses();
    if (code == 200 || responses == null || responses.getAPIResponses() == null) {
      return;
    }
    APIResponse declared = responses.getAPIResponse(status);
    if (responses.getAPIResponse(DERIVED) == null
        || (declared != null && declared.getDescription() != null)) {
      return;
    }
    // In the derived response's place, so the success response still comes first.
    Map<String, APIResponse> reordered = new LinkedHashMap<>();
    responses
        .getAPIResponses()
        .forEach(
            (key, response) -> {
              if (key.equals(DERIVED)) {
                reordered.put(status, response.description(reason(code)));
              } else if (!key.equals(status)) {
                reordered.put(key, response);
              }
            });
    responses.setAPIResponses(reordered);
  }

  private static String reason(int code) {
    return switch (code) {
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      default -> "Status " + code;
    };
  }
}
