package com.spaceduck.cert.revoke;

import com.spaceduck.cert.operators.Requesters;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/** Revocation; needs the holder's or an operator's sd_token. */
@SecurityRequirementsSet
@Path("/beak/cert/revoke")
@Produces(MediaType.APPLICATION_JSON)
public class RevokeResource {

  private final RevokeService service;
  private final Requesters requesters;
  private final SecurityIdentity identity;

  public RevokeResource(RevokeService service, Requesters requesters, SecurityIdentity identity) {
    this.service = service;
    this.requesters = requesters;
    this.identity = identity;
  }

  @Operation(summary = "Operator: revoke a birth certificate")
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "403",
      description = "Not an operator",
      extensions = @Extension(name = "x-problem-codes", value = "access_denied"))
  @SecurityRequirement(name = "sd_token")
  @POST
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<RevokeResponse> revoke(RevokeRequest request) {
    String certId = request == null ? null : request.certId();
    String reason = request == null ? null : request.reason();
    return requesters.of(identity).chain(requester -> service.revoke(requester, certId, reason));
  }
}
