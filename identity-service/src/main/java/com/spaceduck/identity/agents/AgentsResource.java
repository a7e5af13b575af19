package com.spaceduck.identity.agents;

import com.spaceduck.identity.auth.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.ResponseStatus;

@SecurityRequirement(name = "sd_token")
@SecurityRequirement(name = "beak_key")
@Path("/beak/agents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

  private final AgentService service;
  private final SecurityIdentity identity;

  public AgentsResource(AgentService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @Operation(summary = "Register an agent owned by the caller")
  @APIResponseSchema(
      value = AgentResponse.class,
      responseCode = "201",
      responseDescription = "Created")
  @APIResponse(
      responseCode = "403",
      description = "Trust tier insufficient: T1 or higher is required")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<AgentResponse> register(@Valid @NotNull RegisterAgentRequest request) {
    return service.register(Caller.of(identity), request);
  }

  @Operation(summary = "List the caller's agents")
  @GET
  public Uni<AgentListResponse> list() {
    return service.list(Caller.of(identity));
  }

  @Operation(summary = "Bond the caller with an agent")
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "403",
      description = "Trust tier insufficient: T2 or higher is required")
  @POST
  @Path("{agent_id}/bond")
  public Uni<AgentResponse> bond(@PathParam("agent_id") UUID agentId) {
    return service.bond(Caller.of(identity), agentId);
  }
}
