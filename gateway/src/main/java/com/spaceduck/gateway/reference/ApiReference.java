package com.spaceduck.gateway.reference;

import com.spaceduck.platform.http.RequestIds;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.problem.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The public API reference: the merged OpenAPI document of every service ({@code /openapi.json},
 * {@code /openapi.yaml}) and Swagger UI ({@code /docs/}) whose "Try it out" calls the API through
 * this gateway. Everything is read from the classpath once at start-up and served from memory, so
 * serving never blocks the event loop. The document is merged at build time from the services'
 * documents (gateway/README.md, "API reference").
 */
@Singleton
public class ApiReference {

  public static final String DOCS = "/docs";
  public static final String DOCS_PREFIX = "/docs/";
  public static final String OPENAPI_JSON = "/openapi.json";
  public static final String OPENAPI_YAML = "/openapi.yaml";

  /** Where the merged document and the page are packaged. */
  static final String RESOURCES = "api-reference/";

  /**
   * Swagger UI's own files, from io.smallrye:smallrye-open-api-ui (the swagger-ui-dist build),
   * copied here by the build (gateway/pom.xml).
   */
  static final String SWAGGER_UI = RESOURCES + "swagger-ui/";

  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private record Asset(Buffer body, String contentType, String etag) {}

  private final Map<String, Asset> assets;
  private final Problems problems;

  public ApiReference(Problems problems) {
    this.problems = problems;
    this.assets =
        Map.of(
            OPENAPI_JSON,
            load(RESOURCES + "openapi.json", "application/json"),
            OPENAPI_YAML,
            load(RESOURCES + "openapi.yaml", "application/yaml"),
            DOCS_PREFIX,
            load(RESOURCES + "index.html", "text/html; charset=utf-8"),
            DOCS_PREFIX + "reference.js",
            load(RESOURCES + "reference.js", "text/javascript; charset=utf-8"),
            DOCS_PREFIX + "swagger-ui-bundle.js",
            load(SWAGGER_UI + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
            DOCS_PREFIX + "swagger-ui.css",
            load(SWAGGER_UI + "swagger-ui.css", "text/css; charset=utf-8"),
            DOCS_PREFIX + "favicon.ico",
            load(SWAGGER_UI + "favicon.ico", "image/x-icon"));
  }

  /** Whether this path is the reference's ({@code /docs}, {@code /docs/…}, the document). */
  public boolean serves(String path) {
    return path.equals(DOCS)
        || path.startsWith(DOCS_PREFIX)
        || path.equals(OPENAPI_JSON)
        || path.equals(OPENAPI_YAML);
  }

  /** Answers a request for one of {@link #serves(String)}'s paths. */
  public void serve(RoutingContext rc, String path) {
    rc.request().resume();
    HttpMethod method = rc.request().method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      rc.response().headers().set(HttpHeaders.ALLOW, "GET, HEAD");
      reject(rc, ErrorKind.METHOD_NOT_ALLOWED, "This method is not allowed on this path.");
      return;
    }
    if (path.equals(DOCS)) {
      rc.response()
          .setStatusCode(301)
          .putHeader(HttpHeaders.LOCATION, DOCS_PREFIX)
          .putHeader(HttpHeaders.CONTENT_LENGTH, "0")
          .end();
      return;
    }
    Asset asset = assets.get(path);
    if (asset == null) {
      reject(rc, ErrorKind.NOT_FOUND, "No resource matches this path.");
      return;
    }
    var response = rc.response();
    response
        .putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
        .putHeader(HttpHeaders.ETAG, asset.etag())
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("X-Content-Type-Options", "nosniff");
    if (path.startsWith(DOCS_PREFIX)) {
      response
          .putHeader("Content-Security-Policy", CSP)
          .putHeader("Referrer-Policy", "no-referrer");
    }
    String ifNoneMatch = rc.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (asset.etag().equals(ifNoneMatch)) {
      response.setStatusCode(304).end();
      return;
    }
    if (method == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(asset.body().length())).end();
      return;
    }
    response.end(asset.body());
  }

  private void reject(RoutingContext rc, ErrorKind kind, String detail) {
    problems.write(
        rc.response(),
        new ProblemException(kind, detail),
        rc.request().path(),
        RequestIds.of(rc.request()));
  }

  private static Asset load(String resource, String contentType) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The API reference's " + resource + " is not packaged");
      }
      byte[] bytes = in.readAllBytes();
      String etag =
          "\""
              + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16)
              + "\"";
      return new Asset(Buffer.buffer(bytes), contentType, etag);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
