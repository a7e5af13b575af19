package com.spaceduck.cert.credential;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.Cache;

/**
 * Public: the keys that sign credentials and status lists, as a JWK Set. The signing key comes
 * first; retired keys stay listed while their credentials may still be current.
 */
@SecurityRequirementsSet
@Path("/beak/cert/.well-known/jwks.json")
public class JwksResource {

  private final CredentialKeys keys;

  public JwksResource(CredentialKeys keys) {
    this.keys = keys;
  }

  /** Keys change only with a deployment, so verifiers may cache them for a while. */
  @Operation(summary = "The public keys that verify certificate credentials (JWKS)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.OBJECT, description = "A JSON Web Key Set (RFC 7517)")))
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Cache(maxAge = 300)
  public String jwks() {
    return keys.jwks();
  }
}
