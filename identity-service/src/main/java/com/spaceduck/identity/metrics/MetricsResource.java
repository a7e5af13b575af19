package com.spaceduck.identity.metrics;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Public platform counts (at most {@code cache-ttl} old). */
@Path("/beak/metrics")
public class MetricsResource {

  private final MetricsService service;

  public MetricsResource(MetricsService service) {
    this.service = service;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<MetricsResponse> metrics() {
    return service.metrics();
  }
}
