package com.spaceduck.cert.credential;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.Cache;

/**
 * Public: the keys that sign credentials and status lists, as a JWK Set. The signing key comes
 * first; retired keys stay listed while their credentials may still be current.
 */
@Path("/beak/cert/.well-known/jwks.json")
public class JwksResource {

  private final CredentialKeys keys;

  public JwksResource(CredentialKeys keys) {
    this.keys = keys;
  }

  /** Keys change only with a deployment, so verifiers may cache them for a while. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Cache(maxAge = 300)
  public String jwks() {
    return keys.jwks();
  }
}
