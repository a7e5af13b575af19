package com.spaceduck.cert.credential;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.Cache;

/** Public: a certificate's signed credential, for holders to hand to partners. */
@SecurityRequirementsSet
@Path("/beak/cert/{cert_id}/credential")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialResource {

  private final CredentialService service;

  public CredentialResource(CredentialService service) {
    this.service = service;
  }

  /** Revalidated on every use: re-tiering re-issues the credential and revocation withdraws it. */
  @Operation(summary = "The certificate's signed credential (ES256), for offline verification")
  @GET
  @Cache(noCache = true)
  public Uni<CredentialResponse> credential(@PathParam("cert_id") String certId) {
    return service.credential(certId);
  }
}
