package com.spaceduck.identity.pecks;

import com.spaceduck.identity.auth.Caller;
import com.spaceduck.identity.validation.Paging;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.ResponseStatus;

@SecurityRequirement(name = "sd_token")
@SecurityRequirement(name = "beak_key")
@Path("/beak/pecks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PecksResource {

  private static final String AGENT_ID = "must be the id of one of your agents";
  // The patterns are also the API reference's, so portable (ECMA-262 as well as Java).
  private static final String CANONICAL_UUID =
      "^\\s*[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\s*$";

  /** {@code in}, {@code out}, or nothing for both, in any case (see {@link PeckDirection}). */
  private static final String DIRECTION = "^\\s*([Ii][Nn]|[Oo][Uu][Tt])?\\s*$";

  private final PeckService service;
  private final SecurityIdentity identity;

  public PecksResource(PeckService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @Operation(
      summary = "Send a peck (a JSON message) from one of the caller's agents to a bonded agent")
  @APIResponseSchema(
      value = PeckResponse.class,
      responseCode = "201",
      responseDescription = "Created")
  @APIResponse(
      responseCode = "403",
      description = "Trust tier insufficient: T1 or higher is required")
  @APIResponse(
      responseCode = "404",
      description = "from_agent_id is not one of the caller's agents, or to_agent_id is unknown")
  @APIResponse(responseCode = "409", description = "The receiving agent is not bonded")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<PeckResponse> send(@Valid @NotNull SendPeckRequest request) {
    return service.send(Caller.of(identity), request);
  }

  @Operation(summary = "List pecks sent or received by the caller's agents")
  @APIResponseSchema(
      value = PeckListResponse.class,
      responseCode = "200",
      responseDescription = "OK")
  @APIResponse(responseCode = "404", description = "agent_id is another duckling's agent")
  @GET
  public Uni<PeckListResponse> list(
      @QueryParam("agent_id")
          @NotNull(message = AGENT_ID)
          @Pattern(regexp = CANONICAL_UUID, message = AGENT_ID)
          String agentId,
      @QueryParam("direction") @Pattern(regexp = DIRECTION, message = "must be in or out")
          String direction,
      @QueryParam("page")
          @DefaultValue("0")
          @Min(value = 0, message = Paging.PAGE_MESSAGE)
          @Max(value = Paging.MAX_PAGE, message = Paging.PAGE_MESSAGE)
          int page,
      @QueryParam("size")
          @DefaultValue(Paging.DEFAULT_SIZE)
          @Min(value = 1, message = Paging.SIZE_MESSAGE)
          @Max(value = Paging.MAX_SIZE, message = Paging.SIZE_MESSAGE)
          int size) {
    return service.list(
        Caller.of(identity),
        UUID.fromString(agentId.strip()),
        PeckDirection.parse(direction).orElseThrow(),
        page,
        size);
  }
}
