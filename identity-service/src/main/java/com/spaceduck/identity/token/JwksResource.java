package com.spaceduck.identity.token;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/** The public key of {@code sd_token}s as a JWK Set, for cert-service and the gateway. */
@SecurityRequirementsSet
@Path("/beak/.well-known/jwks.json")
public class JwksResource {

  private final JwksResponse jwks;

  public JwksResource(SigningKeys keys) {
    this.jwks =
        new JwksResponse(
            List.of(
                new JwksResponse.Jwk(
                    "RSA",
                    keys.keyId(),
                    "RS256",
                    "sig",
                    SigningKeys.base64Url(keys.publicKey().getModulus()),
                    SigningKeys.base64Url(keys.publicKey().getPublicExponent()))));
  }

  @Operation(summary = "The public keys that verify sd_tokens (JWKS)")
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
  public Response jwks() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(jwks).cacheControl(cache).build();
  }
}
