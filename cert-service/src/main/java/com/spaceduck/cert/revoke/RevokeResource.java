package com.spaceduck.cert.revoke;

import com.spaceduck.cert.operators.Callers;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Revocation; needs the holder's or an operator's sd_token. */
@Path("/beak/cert/revoke")
@Produces(MediaType.APPLICATION_JSON)
public class RevokeResource {

  private final RevokeService service;
  private final Callers callers;
  private final SecurityIdentity identity;

  public RevokeResource(RevokeService service, Callers callers, SecurityIdentity identity) {
    this.service = service;
    this.callers = callers;
    this.identity = identity;
  }

  @POST
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<RevokeResponse> revoke(RevokeRequest request) {
    String certId = request == null ? null : request.certId();
    String reason = request == null ? null : request.reason();
    return callers.of(identity).chain(caller -> service.revoke(caller, certId, reason));
  }
}
