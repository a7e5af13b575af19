package com.spaceduck.cert.verify;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Public certificate verification: no credentials, any certificate by id. */
@Path("/beak/cert/verify")
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

  private final VerifyService service;

  public VerifyResource(VerifyService service) {
    this.service = service;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<VerifyResponse> verify(VerifyRequest request) {
    if (request == null) {
      return service.verify(null, null);
    }
    return service.verify(request.certId(), request.action());
  }

  /** The same answers for links and QR codes: {@code ?cert_id=…}. */
  @GET
  public Uni<VerifyResponse> verifyLink(
      @QueryParam("cert_id") String certId, @QueryParam("action") String action) {
    return service.verify(certId, action);
  }
}
