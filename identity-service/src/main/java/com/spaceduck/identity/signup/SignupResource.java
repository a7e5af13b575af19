package com.spaceduck.identity.signup;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/beak/signup")
public class SignupResource {

  private final SignupService service;

  public SignupResource(SignupService service) {
    this.service = service;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<SignupResponse> signup(
      @Valid @NotNull SignupRequest request, @HeaderParam(GeoCountry.HEADER) String country) {
    return service.signup(request, GeoCountry.of(country));
  }
}
