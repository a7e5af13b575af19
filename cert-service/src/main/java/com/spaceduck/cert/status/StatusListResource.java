package com.spaceduck.cert.status;

import com.spaceduck.cert.CertConfig;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/**
 * Public: a status list credential, for verifiers and the CDNs in front of them. Served with a weak
 * {@code ETag} and {@code Cache-Control: public, max-age}; a matching {@code If-None-Match} gets
 * 304.
 */
@SecurityRequirementsSet
@Path("/beak/cert/status/{list_id}")
public class StatusListResource {

  /** The media type of a W3C verifiable credential secured as a JWT (VC-JOSE-COSE). */
  static final String VC_JWT = "application/vc+jwt";

  private final StatusListService service;
  private final String cacheControl;

  public StatusListResource(StatusListService service, CertConfig config) {
    this.service = service;
    this.cacheControl = "public, max-age=" + config.statusLists().maxAge().toSeconds();
  }

  @Operation(summary = "A Bitstring Status List credential (revocation status of certificates)")
  @APIResponse(
      responseCode = "200",
      description = "The status list credential (a JWT)",
      content =
          @Content(
              mediaType = "application/statuslist+jwt",
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", description = "Not Modified (If-None-Match matched the ETag)")
  @GET
  public Uni<Response> statusList(
      @PathParam("list_id") String listId,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return service
        .statusList(listId)
        .map(
            list -> {
              Response.ResponseBuilder response =
                  matches(ifNoneMatch, list.etag())
                      ? Response.notModified()
                      : Response.ok(list.credential(), VC_JWT);
              return response
                  .header(HttpHeaders.ETAG, list.etag())
                  .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                  .build();
            });
  }

  /** RFC 9110 weak comparison against each tag of {@code If-None-Match}, or {@code *}. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String opaque = weakless(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || weakless(tag).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String weakless(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
