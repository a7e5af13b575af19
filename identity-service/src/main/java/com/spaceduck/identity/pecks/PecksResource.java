package com.spaceduck.identity.pecks;

import com.spaceduck.identity.auth.Caller;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/beak/pecks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PecksResource {

  private static final int MAX_PAGE = 10_000;

  private final PeckService service;
  private final SecurityIdentity identity;

  public PecksResource(PeckService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<PeckResponse> send(@Valid @NotNull SendPeckRequest request) {
    return service.send(Caller.of(identity), request);
  }

  @GET
  public Uni<PeckListResponse> list(
      @QueryParam("agent_id") String agentId,
      @QueryParam("direction") String direction,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    List<FieldError> errors = new ArrayList<>();
    UUID agent = null;
    try {
      agent = UUID.fromString(agentId == null ? "" : agentId.strip());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("agent_id", "must be the id of one of your agents"));
    }
    PeckDirection parsed = PeckDirection.parse(direction).orElse(null);
    if (parsed == null) {
      errors.add(new FieldError("direction", "must be in or out"));
    }
    if (page < 0 || page > MAX_PAGE) {
      errors.add(new FieldError("page", "must be between 0 and " + MAX_PAGE));
    }
    if (size < 1 || size > PeckService.MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "must be between 1 and " + PeckService.MAX_PAGE_SIZE));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The query is invalid.", errors);
    }
    return service.list(Caller.of(identity), agent, parsed, page, size);
  }
}
