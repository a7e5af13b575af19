package com.spaceduck.identity.me;

import com.spaceduck.identity.auth.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@SecurityRequirement(name = "sd_token")
@SecurityRequirement(name = "beak_key")
@Path("/beak/me")
@Authenticated
public class MeResource {

  private final MeService service;
  private final SecurityIdentity identity;

  public MeResource(MeService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @Operation(summary = "The caller's profile")
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<MeResponse> me() {
    return service.profile(Caller.of(identity));
  }
}
