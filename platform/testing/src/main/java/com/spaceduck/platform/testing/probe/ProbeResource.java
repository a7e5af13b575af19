package com.spaceduck.platform.testing.probe;

import com.spaceduck.platform.http.RequestIds;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.jboss.logging.MDC;

/**
 * Endpoints that exist only in tests (this module is a test dependency), to exercise the platform's
 * HTTP conventions inside each real service.
 */
@Path("/test-support/probe")
public class ProbeResource {

  /** One line of a probe request. */
  public record ProbeItem(@NotNull @Min(0) Long amount) {}

  /** A body with a camelCase field, to see field names rendered the service's way. */
  public record ProbeRequest(
      @NotBlank @Size(max = 20) String displayName, List<@Valid ProbeItem> items) {}

  /** What the probe saw. */
  public record ProbeResponse(String displayName, String requestId) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public ProbeResponse echo(@Valid @NotNull ProbeRequest request) {
    return new ProbeResponse(request.displayName(), (String) MDC.get(RequestIds.MDC_KEY));
  }

  @GET
  @Path("problem")
  public String problem() {
    throw new ProblemException(ErrorKind.TOO_MANY_REQUESTS, "Slow down.")
        .retryAfter(7)
        .with("limit", 5);
  }

  @GET
  @Path("unreachable")
  public Uni<String> unreachable() {
    return Uni.createFrom()
        .failure(new CompletionException(new ConnectException("Connection refused")));
  }

  @GET
  @Path("unauthenticated")
  public String unauthenticated() {
    throw new UnauthorizedException();
  }

  @GET
  @Path("forbidden")
  public String forbidden() {
    throw new ForbiddenException();
  }

  @GET
  @Path("crash")
  public String crash() {
    throw new IllegalStateException("select secret from ducklings where id = 42");
  }

  /** The request id as the logging MDC holds it after an asynchronous hop. */
  @GET
  @Path("request-id")
  @Produces(MediaType.TEXT_PLAIN)
  public Uni<String> requestId() {
    return Uni.createFrom()
        .item(1)
        .onItem()
        .delayIt()
        .by(Duration.ofMillis(20))
        .map(ignored -> String.valueOf(MDC.get(RequestIds.MDC_KEY)));
  }
}
