package com.spaceduck.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds RFC 9457 problem documents in the right family and writes them. The body is a plain map,
 * so it serialises the same way on the JVM and in a native image.
 */
@ApplicationScoped
public class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Spelled like the gateway's {@code RateLimit-*} headers (Vert.x's constant is lower case). */
  private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");

  private final ProblemsConfig config;
  private final ObjectMapper json;
  private final List<Map.Entry<String, ProblemFamily>> prefixes;

  public Problems(ProblemsConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
    this.prefixes = new ArrayList<>(config.pathFamilies().entrySet());
    this.prefixes.sort(
        Comparator.comparingInt((Map.Entry<String, ProblemFamily> e) -> e.getKey().length())
            .reversed());
  }

  /** The family that answers for a request path. */
  public ProblemFamily familyFor(String path) {
    if (path != null) {
      for (Map.Entry<String, ProblemFamily> prefix : prefixes) {
        if (path.startsWith(prefix.getKey())) {
          return prefix.getValue();
        }
      }
    }
    return config.family();
  }

  /** The problem document for an exception raised while serving {@code path}. */
  public Map<String, Object> body(ProblemException e, String path, String requestId) {
    ProblemFamily family = familyFor(path);
    String code = e.code() != null ? e.code() : code(family, e.kind());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", config.typeBase() + code);
    body.put("title", e.kind().title());
    body.put("status", e.kind().status());
    body.put("detail", e.detail());
    body.put("code", code);
    body.put("request_id", requestId);
    if (!e.errors().isEmpty()) {
      List<Map<String, String>> errors = new ArrayList<>(e.errors().size());
      for (FieldError error : e.errors()) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("field", error.field());
        item.put("message", error.message());
        errors.add(item);
      }
      body.put("errors", errors);
    }
    e.extensions().forEach(body::putIfAbsent);
    return body;
  }

  /** The code for a kind: the service's override, else the family's. */
  public String code(ProblemFamily family, ErrorKind kind) {
    String override = config.codes().get(kind.name().toLowerCase(Locale.ROOT));
    return override != null ? override : family.code(kind);
  }

  /** The serialised problem document. */
  public String render(ProblemException e, String path, String requestId) {
    try {
      return json.writeValueAsString(body(e, path, requestId));
    } catch (JsonProcessingException impossible) {
      // A map of strings, numbers and lists always serialises.
      throw new IllegalStateException(impossible);
    }
  }

  /** Writes the problem as the whole response, for handlers below the REST layer. */
  public void write(
      HttpServerResponse response, ProblemException e, String path, String requestId) {
    if (response.ended() || response.headWritten()) {
      response.reset();
      return;
    }
    response.setStatusCode(e.kind().status());
    response.headers().set(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE);
    if (e.retryAfterSeconds() != null) {
      response.headers().set(RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    response.end(render(e, path, requestId));
  }
}
