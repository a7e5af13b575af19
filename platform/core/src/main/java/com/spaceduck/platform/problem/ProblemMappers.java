package com.spaceduck.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.spaceduck.platform.http.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that leaves a REST resource into a problem document of the service's
 * family. Nothing about the exception itself (class, message of an unexpected failure, SQL, stack
 * trace) reaches the client; unexpected failures are logged with the request id instead. A failure
 * that means a dependency could not be reached is a 503 with {@code Retry-After}, not a 500.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final Problems problems;
  private final FieldPaths fields;
  private final DependencyFailures dependencies;
  private final long unavailableRetryAfter;

  public ProblemMappers(
      Problems problems,
      ObjectMapper json,
      DependencyFailures dependencies,
      ProblemsConfig config) {
    this.problems = problems;
    this.fields = new FieldPaths(json);
    this.dependencies = dependencies;
    this.unavailableRetryAfter = Math.max(1, config.unavailableRetryAfter().toSeconds());
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, HttpServerRequest request) {
    Response.ResponseBuilder response = builder(e, request);
    if (e.kind() == ErrorKind.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return response.build();
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, HttpServerRequest request) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParseException parse) {
        return malformedJson(parse, request);
      }
      if (cause instanceof MismatchedInputException mismatch) {
        return mismatchedJson(mismatch, request);
      }
    }
    Response original = e.getResponse();
    int status = original.getStatus();
    ErrorKind kind = ErrorKind.forStatus(status);
    if (status >= 500) {
      LOG.errorf(e, "Request failed with %d", status);
    }
    Response.ResponseBuilder response = builder(new ProblemException(kind, detail(kind)), request);
    Object allow = original.getHeaders().getFirst(HttpHeaders.ALLOW);
    if (allow != null) {
      response.header(HttpHeaders.ALLOW, allow);
    }
    return response.build();
  }

  /** Missing or invalid credentials (with proactive authentication off, as the services run). */
  @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
  public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
    return builder(
            new ProblemException(ErrorKind.UNAUTHORIZED, detail(ErrorKind.UNAUTHORIZED)), request)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, HttpServerRequest request) {
    return respond(new ProblemException(ErrorKind.FORBIDDEN, detail(ErrorKind.FORBIDDEN)), request);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(fields.of(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return respond(ProblemException.invalid("The request has invalid fields.", errors), request);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonParseException e, HttpServerRequest request) {
    return respond(
        new ProblemException(ErrorKind.BAD_REQUEST, "The request body is not valid JSON."),
        request);
  }

  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
    String field = jsonPath(e.getPath());
    if (field.isEmpty()) {
      return respond(
          new ProblemException(
              ErrorKind.BAD_REQUEST, "The request body does not have the expected shape."),
          request);
    }
    return respond(
        ProblemException.invalid(
            "The request has invalid fields.",
            List.of(new FieldError(field, "has the wrong type"))),
        request);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, HttpServerRequest request) {
    if (dependencies.unreachable(e)) {
      LOG.warnf("A dependency is unreachable: %s", e.toString());
      return respond(
          new ProblemException(ErrorKind.UNAVAILABLE, detail(ErrorKind.UNAVAILABLE))
              .retryAfter(unavailableRetryAfter),
          request);
    }
    LOG.error("Unexpected failure", e);
    return respond(
        new ProblemException(ErrorKind.INTERNAL, "An unexpected error occurred."), request);
  }

  private Response respond(ProblemException e, HttpServerRequest request) {
    return builder(e, request).build();
  }

  private Response.ResponseBuilder builder(ProblemException e, HttpServerRequest request) {
    Response.ResponseBuilder response =
        Response.status(e.kind().status())
            .type(Problems.MEDIA_TYPE)
            .entity(problems.render(e, request.path(), RequestIds.of(request)));
    if (e.retryAfterSeconds() != null) {
      response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
    }
    return response;
  }

  /** A fixed, client-safe sentence per kind: the framework's own messages may name classes. */
  static String detail(ErrorKind kind) {
    return switch (kind) {
      case NOT_FOUND -> "No resource matches this path.";
      case METHOD_NOT_ALLOWED -> "This method is not allowed on this path.";
      case UNSUPPORTED_MEDIA_TYPE -> "This content type is not supported here; send JSON.";
      case NOT_ACCEPTABLE -> "No representation matches the Accept header.";
      case PAYLOAD_TOO_LARGE -> "The request body is too large.";
      case UNAUTHORIZED -> "Authentication is required.";
      case FORBIDDEN -> "Access to this resource is denied.";
      case BAD_REQUEST -> "The request is malformed.";
      case UNAVAILABLE -> "The service is temporarily unavailable.";
      default -> "An unexpected error occurred.";
    };
  }

  private String jsonPath(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
