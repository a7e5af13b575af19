package com.spaceduck.identity.signin;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/beak/signin")
public class SigninResource {

  private final SigninService service;

  public SigninResource(SigninService service) {
    this.service = service;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<SigninResponse> signin(@Valid @NotNull SigninRequest request) {
    return service.signin(request);
  }
}
