package com.spaceduck.identity.pageview;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

@SecurityRequirementsSet
@Path("/beak/pageview")
public class PageviewResource {

  private final PageviewService service;

  public PageviewResource(PageviewService service) {
    this.service = service;
  }

  /** 202: taken for the next batch write, not yet stored. */
  @Operation(summary = "Record a page view event")
  @APIResponse(responseCode = "202", description = "Accepted")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Response> record(@Valid @NotNull PageviewRequest request) {
    return Uni.createFrom()
        .item(
            () -> {
              service.record(request);
              return Response.accepted().build();
            });
  }
}
