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
import org.jboss.resteasy.reactive.ResponseStatus;

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

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<AgentResponse> register(@Valid @NotNull RegisterAgentRequest request) {
    return service.register(Caller.of(identity), request);
  }

  @GET
  public Uni<AgentListResponse> list() {
    return service.list(Caller.of(identity));
  }

  @POST
  @Path("{agent_id}/bond")
  public Uni<AgentResponse> bond(@PathParam("agent_id") UUID agentId) {
    return service.bond(Caller.of(identity), agentId);
  }
}
