package com.spaceduck.identity.token;

import com.spaceduck.platform.keys.JwkSet;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.Cache;

/** The public key of {@code sd_token}s as a JWK Set, for cert-service and the gateway. */
@SecurityRequirementsSet
@Path("/beak/.well-known/jwks.json")
public class JwksResource {

  private final JwkSet jwks;

  public JwksResource(SigningKeys keys) {
    this.jwks = JwkSet.of(Map.of(keys.keyId(), keys.publicKey()), "RS256");
  }

  @Operation(summary = "The public keys that verify sd_tokens (JWKS)")
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Cache(maxAge = JwkSet.MAX_AGE_SECONDS)
  public JwkSet jwks() {
    return jwks;
  }
}
