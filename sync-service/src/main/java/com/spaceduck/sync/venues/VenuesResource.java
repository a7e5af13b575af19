package com.spaceduck.sync.venues;

import com.spaceduck.sync.Owner;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

/** The owner's venues; needs the owner's sd_token. */
@SecurityRequirement(name = "sd_token")
@Path("/v1/venues")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class VenuesResource {

  private final VenueService service;
  private final SecurityIdentity identity;

  public VenuesResource(VenueService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @Operation(summary = "Create a DuckHub venue owned by the caller")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<VenueResponse> create(@Valid @NotNull CreateVenueRequest request) {
    return service.create(Owner.of(identity), request);
  }

  @Operation(summary = "List the caller's venues")
  @GET
  public Uni<VenueListResponse> list() {
    return service.list(Owner.of(identity));
  }

  @Operation(summary = "One of the caller's venues")
  @GET
  @Path("/{venueId}")
  public Uni<VenueResponse> get(@RestPath String venueId) {
    return service.get(Owner.of(identity), venueId);
  }
}
