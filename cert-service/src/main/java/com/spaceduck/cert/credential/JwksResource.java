package com.spaceduck.cert.credential;

import com.spaceduck.platform.keys.JwkSet;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.Cache;

/**
 * Public: the keys that sign credentials and status lists, as a JWK Set. The signing key comes
 * first; retired keys stay listed while their credentials may still be current.
 */
@SecurityRequirementsSet
@Path("/beak/cert/.well-known/jwks.json")
public class JwksResource {

  private final JwkSet jwks;

  public JwksResource(CredentialKeys keys) {
    this.jwks = JwkSet.ofJson(keys.jwks());
  }

  @Operation(summary = "The public keys that verify certificate credentials (JWKS)")
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Cache(maxAge = JwkSet.MAX_AGE_SECONDS)
  public JwkSet jwks() {
    return jwks;
  }
}
