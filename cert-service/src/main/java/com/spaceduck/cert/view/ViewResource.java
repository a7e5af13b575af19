package com.spaceduck.cert.view;

import com.spaceduck.cert.operators.Requesters;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/** The holder's full certificate; needs an sd_token. */
@SecurityRequirementsSet
@Path("/beak/cert/view")
@Produces(MediaType.APPLICATION_JSON)
public class ViewResource {

  private final ViewService service;
  private final Requesters requesters;
  private final SecurityIdentity identity;

  public ViewResource(ViewService service, Requesters requesters, SecurityIdentity identity) {
    this.service = service;
    this.requesters = requesters;
    this.identity = identity;
  }

  @Operation(summary = "The caller's birth certificate, or one by cert_id")
  @SecurityRequirement(name = "sd_token")
  @GET
  @Authenticated
  public Uni<ViewResponse> view(@QueryParam("cert_id") String certId) {
    return requesters.of(identity).chain(requester -> service.view(requester, certId));
  }
}
