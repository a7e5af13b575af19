package com.spaceduck.identity.signin;

import com.spaceduck.identity.limits.ClientAddresses;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

@Path("/beak/signin")
public class SigninResource {

  private final SigninService service;
  private final ClientAddresses addresses;

  public SigninResource(SigninService service, ClientAddresses addresses) {
    this.service = service;
    this.addresses = addresses;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<SigninResponse> signin(
      @Valid @NotNull SigninRequest request, @Context HttpServerRequest http) {
    return service.signin(request, addresses.of(http));
  }
}
