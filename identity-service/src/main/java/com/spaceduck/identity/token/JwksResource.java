package com.spaceduck.identity.token;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The public key of {@code sd_token}s as a JWK Set, for cert-service and the gateway. */
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

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response jwks() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(jwks).cacheControl(cache).build();
  }
}
