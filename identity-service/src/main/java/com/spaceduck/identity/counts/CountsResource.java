package com.spaceduck.identity.counts;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/**
 * Public platform counts at {@code /beak/metrics} (at most {@code cache-ttl} old); not Micrometer.
 */
@SecurityRequirementsSet
@Path("/beak/metrics")
public class CountsResource {

  private final CountsService service;

  public CountsResource(CountsService service) {
    this.service = service;
  }

  @Operation(
      summary = "Live platform counts (registered, certified, bonded, domains, galaxy version)")
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<CountsResponse> counts() {
    return service.counts();
  }
}
