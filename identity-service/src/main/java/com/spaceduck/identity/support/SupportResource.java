package com.spaceduck.identity.support;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.ResponseStatus;

@SecurityRequirementsSet
@Path("/beak/support/contact")
public class SupportResource {

  private final SupportService service;

  public SupportResource(SupportService service) {
    this.service = service;
  }

  @Operation(summary = "Submit a support request")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<ContactResponse> contact(@Valid @NotNull ContactRequest request) {
    return service.contact(request);
  }
}
