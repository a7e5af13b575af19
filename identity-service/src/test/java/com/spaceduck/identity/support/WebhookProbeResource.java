package com.spaceduck.identity.support;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Test-only stand-in for a webhook route (none exists yet), to show that {@code ?beak_key=} is
 * accepted under {@code /beak/webhooks/}.
 */
@Path("/beak/webhooks/probe")
@Authenticated
public class WebhookProbeResource {

  private final SecurityIdentity identity;

  public WebhookProbeResource(SecurityIdentity identity) {
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> whoami() {
    return Map.of("duckling_id", identity.getPrincipal().getName());
  }
}
