package com.spaceduck.identity.newsletter;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.ResponseStatus;

@SecurityRequirementsSet
@Path("/beak/newsletter/subscribe")
public class NewsletterResource {

  private final NewsletterService service;

  public NewsletterResource(NewsletterService service) {
    this.service = service;
  }

  @Operation(summary = "Subscribe an email to the Galaxy newsletter")
  @APIResponseSchema(
      value = SubscribeResponse.class,
      responseCode = "202",
      responseDescription = "Accepted")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @ResponseStatus(202)
  public Uni<SubscribeResponse> subscribe(@Valid @NotNull SubscribeRequest request) {
    return service.subscribe(request);
  }
}
