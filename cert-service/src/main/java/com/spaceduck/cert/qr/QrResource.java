package com.spaceduck.cert.qr;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.Cache;

/** Public: the QR code of a certificate's verify link, to print or show. */
@SecurityRequirementsSet
@Path("/beak/cert/{cert_id}")
public class QrResource {

  /** A certificate's link never changes, so its picture may be cached for a day. */
  private static final int ONE_DAY = 86_400;

  private final QrService service;

  public QrResource(QrService service) {
    this.service = service;
  }

  @Operation(summary = "The certificate's verification QR code as SVG")
  @APIResponse(
      responseCode = "200",
      description = "An SVG image",
      content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING)))
  @GET
  @Path("/qr.svg")
  @Produces("image/svg+xml")
  @Cache(maxAge = ONE_DAY)
  public Uni<String> svg(@PathParam("cert_id") String certId) {
    return service.svg(certId);
  }

  @Operation(summary = "The certificate's verification QR code as PNG")
  @APIResponse(
      responseCode = "200",
      description = "A PNG image",
      content =
          @Content(
              mediaType = "image/png",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @GET
  @Path("/qr.png")
  @Produces("image/png")
  @Cache(maxAge = ONE_DAY)
  public Uni<byte[]> png(@PathParam("cert_id") String certId) {
    return service.png(certId);
  }
}
