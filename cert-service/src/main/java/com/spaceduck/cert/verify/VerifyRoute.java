package com.spaceduck.cert.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.spaceduck.platform.http.RequestIds;
import com.spaceduck.platform.problem.DependencyFailures;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.problem.Problems;
import com.spaceduck.platform.problem.ProblemsConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * HTTP for {@code POST} and {@code GET /beak/cert/verify}: a Vert.x route ahead of the REST layer.
 *
 * <p>Verify is the platform's hottest public read and a request does little besides one SELECT, so
 * the REST layer's per-request work (handler chain, reader and writer lookup by media type, body
 * deserialisation through a property-based creator, a suspend and resume around the body) was most
 * of its cost: bench/cert/RESULTS.md. Here the body is read as it arrives, its three fields are
 * pulled with a streaming parser, and the answer is written with a prepared writer. The answers,
 * including every problem, are the same as the REST layer gave (see VerifyTest).
 */
@ApplicationScoped
public class VerifyRoute {

  static final String PATH = "/beak/cert/verify";

  private static final Logger LOG = Logger.getLogger(VerifyRoute.class);
  private static final String JSON = "application/json";
  private static final String CERT_ID = "cert_id";
  private static final String ACTION = "action";
  private static final String CREDENTIAL = "credential";
  private static final VerifyRequest EMPTY = new VerifyRequest(null, null, null);

  private final VerifyService service;
  private final Problems problems;
  private final DependencyFailures dependencies;
  private final JsonFactory parsers;
  private final ObjectWriter writer;
  private final long maxBodySize;
  private final long unavailableRetryAfter;

  public VerifyRoute(
      VerifyService service,
      Problems problems,
      DependencyFailures dependencies,
      ObjectMapper json,
      ProblemsConfig problemsConfig,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
    this.service = service;
    this.problems = problems;
    this.dependencies = dependencies;
    this.parsers = json.getFactory();
    this.writer = json.writerFor(VerifyResponse.class);
    this.maxBodySize = limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    this.unavailableRetryAfter = Math.max(1, problemsConfig.unavailableRetryAfter().toSeconds());
  }

  void register(@Observes Router router) {
    router.route(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    HttpMethod method = rc.request().method();
    if (method == HttpMethod.POST) {
      post(rc);
    } else if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
      HttpServerRequest request = rc.request();
      answer(
          rc,
          service.verify(
              new VerifyRequest(request.getParam(CERT_ID), request.getParam(ACTION), null)));
    } else {
      rc.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD, POST");
      fail(
          rc,
          new ProblemException(
              ErrorKind.METHOD_NOT_ALLOWED, "This method is not allowed on this path."));
    }
  }

  private void post(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    if (!json(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
      fail(
          rc,
          new ProblemException(
              ErrorKind.UNSUPPORTED_MEDIA_TYPE,
              "This content type is not supported here; send JSON."));
      return;
    }
    if (request.isEnded()) {
      answer(rc, service.verify(EMPTY));
      return;
    }
    Buffer body = Buffer.buffer(128);
    request.handler(
        chunk -> {
          if (rc.response().ended()) {
            return;
          }
          if (body.length() + chunk.length() > maxBodySize) {
            // Only a body without Content-Length gets here: a declared one was checked first.
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            fail(
                rc,
                new ProblemException(
                    ErrorKind.PAYLOAD_TOO_LARGE,
                    "The request body is larger than the limit of " + maxBodySize + " bytes."));
            return;
          }
          body.appendBuffer(chunk);
        });
    request.endHandler(
        end -> {
          if (rc.response().ended()) {
            return;
          }
          VerifyRequest parsed;
          try {
            parsed = parse(body);
          } catch (ProblemException e) {
            fail(rc, e);
            return;
          }
          answer(rc, service.verify(parsed));
        });
    request.exceptionHandler(failure -> fail(rc, failure));
    request.resume();
  }

  /**
   * The three fields, as the REST layer's Jackson binding read them: scalars become their text,
   * unknown fields are ignored, an empty body or {@code null} is a request without fields.
   */
  VerifyRequest parse(Buffer body) {
    if (body.length() == 0) {
      return EMPTY;
    }
    try (JsonParser parser = parsers.createParser(body.getBytes())) {
      JsonToken token = parser.nextToken();
      if (token == null || token == JsonToken.VALUE_NULL) {
        return EMPTY;
      }
      if (token != JsonToken.START_OBJECT) {
        throw new ProblemException(
            ErrorKind.BAD_REQUEST, "The request body does not have the expected shape.");
      }
      String certId = null;
      String action = null;
      String credential = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case CERT_ID -> certId = scalar(parser, value, name);
          case ACTION -> action = scalar(parser, value, name);
          case CREDENTIAL -> credential = scalar(parser, value, name);
          default -> parser.skipChildren();
        }
      }
      return new VerifyRequest(certId, action, credential);
    } catch (IOException e) {
      throw new ProblemException(ErrorKind.BAD_REQUEST, "The request body is not valid JSON.");
    }
  }

  private static String scalar(JsonParser parser, JsonToken value, String field)
      throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value.isScalarValue()) {
      return parser.getText();
    }
    throw ProblemException.invalid(
        "The request has invalid fields.", List.of(new FieldError(field, "has the wrong type")));
  }

  private static boolean json(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
    return type.equalsIgnoreCase(JSON);
  }

  private void answer(RoutingContext rc, Uni<VerifyResponse> answer) {
    answer
        .subscribe()
        .with(
            response -> {
              Buffer json;
              try {
                json = Buffer.buffer(writer.writeValueAsBytes(response));
              } catch (IOException e) {
                fail(rc, e);
                return;
              }
              rc.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(json);
            },
            failure -> fail(rc, failure));
  }

  /** The problem for a failure, as the platform's REST mappers would write it. */
  private void fail(RoutingContext rc, Throwable failure) {
    ProblemException problem;
    if (failure instanceof ProblemException known) {
      problem = known;
    } else if (dependencies.unreachable(failure)) {
      LOG.warnf("A dependency is unreachable: %s", failure.toString());
      problem =
          new ProblemException(ErrorKind.UNAVAILABLE, "The service is temporarily unavailable.")
              .retryAfter(unavailableRetryAfter);
    } else {
      LOG.error("Unexpected failure", failure);
      problem = new ProblemException(ErrorKind.INTERNAL, "An unexpected error occurred.");
    }
    problems.write(rc.response(), problem, rc.request().path(), RequestIds.of(rc.request()));
  }
}
