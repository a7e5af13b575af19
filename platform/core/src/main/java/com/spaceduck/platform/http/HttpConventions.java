package com.spaceduck.platform.http;

import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP-level conventions that run outside any resource: every request gets its request id
 * first; a request target over {@code spaceduck.http.max-uri-length} is refused with a 414 problem
 * and a declared body over {@code quarkus.http.limits.max-body-size} with a 413 problem, both
 * before the body is read; paths no route matches get a 404 problem.
 */
@ApplicationScoped
public class HttpConventions {

  /** Ahead of Quarkus's own body-limit check, which answers 413 with an empty body. */
  static final int FIRST = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

  private final Problems problems;
  private final long maxBodySize;
  private final int maxUriLength;

  public HttpConventions(
      Problems problems,
      HttpConfig config,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
    this.problems = problems;
    this.maxBodySize = limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    this.maxUriLength = config.maxUriLength();
  }

  void register(@Observes Router router) {
    router.route().order(FIRST).handler(this::first);
    router.route().order(Integer.MAX_VALUE).handler(this::notFound);
    router.errorHandler(404, this::notFound);
    router.errorHandler(413, this::tooLarge);
  }

  private void first(RoutingContext rc) {
    RequestIds.assign(rc);
    if (rc.request().uri().length() > maxUriLength) {
      rc.response().headers().set(HttpHeaders.CONNECTION, "close");
      write(
          rc,
          new ProblemException(
              ErrorKind.URI_TOO_LONG,
              "The request target (path and query) is longer than the limit of "
                  + maxUriLength
                  + " characters."));
      return;
    }
    String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && declaredLength(length) > maxBodySize) {
      rc.response().headers().set(HttpHeaders.CONNECTION, "close");
      tooLarge(rc);
      return;
    }
    rc.next();
  }

  private static long declaredLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void notFound(RoutingContext rc) {
    write(rc, new ProblemException(ErrorKind.NOT_FOUND, "No resource matches this path."));
  }

  private void tooLarge(RoutingContext rc) {
    write(
        rc,
        new ProblemException(
            ErrorKind.PAYLOAD_TOO_LARGE,
            "The request body is larger than the limit of " + maxBodySize + " bytes."));
  }

  private void write(RoutingContext rc, ProblemException problem) {
    problems.write(rc.response(), problem, rc.request().path(), RequestIds.of(rc.request()));
  }
}
