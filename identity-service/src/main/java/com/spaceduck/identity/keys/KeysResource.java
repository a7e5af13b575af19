package com.spaceduck.identity.keys;

import com.spaceduck.identity.auth.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.ResponseStatus;

@SecurityRequirement(name = "sd_token")
@SecurityRequirement(name = "beak_key")
@Path("/beak/keys")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

  private final KeyService service;
  private final SecurityIdentity identity;

  public KeysResource(KeyService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @Operation(summary = "Create a Beak Key (answers the whole key once)")
  @SecurityRequirement(name = "sd_token")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<CreatedKeyResponse> create(@Valid @NotNull CreateKeyRequest request) {
    return service.create(Caller.of(identity), request);
  }

  @Operation(summary = "List the caller's Beak Keys (prefixes only)")
  @GET
  public Uni<KeyListResponse> list() {
    return service.list(Caller.of(identity));
  }

  @Operation(summary = "Revoke a Beak Key")
  @APIResponse(responseCode = "204", description = "No Content")
  @DELETE
  @Path("{key_id}")
  public Uni<Void> revoke(@PathParam("key_id") UUID keyId) {
    return service.revoke(Caller.of(identity), keyId);
  }
}
