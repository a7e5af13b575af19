package com.spaceduck.cert.qr;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.jboss.resteasy.reactive.Cache;

/** Public: the QR code of a certificate's verify link, to print or show. */
@Path("/beak/cert/{cert_id}")
public class QrResource {

  /** A certificate's link never changes, so its picture may be cached for a day. */
  private static final int ONE_DAY = 86_400;

  private final QrService service;

  public QrResource(QrService service) {
    this.service = service;
  }

  @GET
  @Path("/qr.svg")
  @Produces("image/svg+xml")
  @Cache(maxAge = ONE_DAY)
  public Uni<String> svg(@PathParam("cert_id") String certId) {
    return service.svg(certId);
  }

  @GET
  @Path("/qr.png")
  @Produces("image/png")
  @Cache(maxAge = ONE_DAY)
  public Uni<byte[]> png(@PathParam("cert_id") String certId) {
    return service.png(certId);
  }
}
