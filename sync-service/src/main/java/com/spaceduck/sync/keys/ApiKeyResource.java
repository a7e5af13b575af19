package com.spaceduck.sync.keys;

import com.spaceduck.sync.Owner;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

/** The Integrations screen: a venue's one API key; needs the owner's sd_token. */
@Path("/v1/venues/{venueId}/api-key")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ApiKeyResource {

  private final ApiKeyService service;
  private final SecurityIdentity identity;

  public ApiKeyResource(ApiKeyService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  /** Generates the key, or regenerates it: the previous key stops working at once. */
  @POST
  @ResponseStatus(201)
  public Uni<NewApiKeyResponse> generate(@RestPath String venueId) {
    return service.generate(Owner.of(identity), venueId);
  }

  @GET
  public Uni<ApiKeyResponse> show(@RestPath String venueId) {
    return service.show(Owner.of(identity), venueId);
  }

  /** Revokes the key: all API access of the venue stops until a new key is generated. */
  @DELETE
  @ResponseStatus(204)
  public Uni<Void> revoke(@RestPath String venueId) {
    return service.revoke(Owner.of(identity), venueId);
  }
}
