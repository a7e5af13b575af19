package com.spaceduck.identity.metrics;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/** Public platform counts (at most {@code cache-ttl} old). */
@SecurityRequirementsSet
@Path("/beak/metrics")
public class MetricsResource {

  private final MetricsService service;

  public MetricsResource(MetricsService service) {
    this.service = service;
  }

  @Operation(
      summary = "Live platform counts (registered, certified, bonded, domains, galaxy version)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MetricsResponse.class)))
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<MetricsResponse> metrics() {
    return service.metrics();
  }
}
