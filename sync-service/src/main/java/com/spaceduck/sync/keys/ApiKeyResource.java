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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

/** The Integrations screen: a venue's one API key; needs the owner's sd_token. */
@SecurityRequirement(name = "sd_token")
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
  @Operation(summary = "Generate or regenerate the venue's API key (answers the whole key once)")
  @POST
  @ResponseStatus(201)
  public Uni<NewApiKeyResponse> generate(@RestPath String venueId) {
    return service.generate(Owner.of(identity), venueId);
  }

  @Operation(summary = "The venue's API key metadata (prefix, last use)")
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "404",
      description = "No such venue, or it has no key",
      extensions = @Extension(name = "x-problem-codes", value = "api_key_not_found"))
  @GET
  public Uni<ApiKeyResponse> show(@RestPath String venueId) {
    return service.show(Owner.of(identity), venueId);
  }

  /** Revokes the key: all API access of the venue stops until a new key is generated. */
  @Operation(summary = "Revoke the venue's API key")
  @APIResponse(responseCode = "204", description = "No Content")
  @APIResponse(
      responseCode = "404",
      description = "No such venue, or it has no key",
      extensions = @Extension(name = "x-problem-codes", value = "api_key_not_found"))
  @DELETE
  @ResponseStatus(204)
  public Uni<Void> revoke(@RestPath String venueId) {
    return service.revoke(Owner.of(identity), venueId);
  }
}
