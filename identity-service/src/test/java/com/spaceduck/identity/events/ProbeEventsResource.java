package com.spaceduck.identity.events;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Test-only entry point that runs {@link ProbeEvents#append} on a request's context. */
@Path("/test-support/events")
public class ProbeEventsResource {

  private final ProbeEvents events;

  public ProbeEventsResource(ProbeEvents events) {
    this.events = events;
  }

  @POST
  @Produces(MediaType.TEXT_PLAIN)
  public Uni<String> append(
      @QueryParam("subject") String subject, @QueryParam("fail") boolean fail) {
    return events.append(subject, fail).map(event -> event.id().toString());
  }
}
