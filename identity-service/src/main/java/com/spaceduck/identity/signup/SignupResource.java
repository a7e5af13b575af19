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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.ResponseStatus;

@SecurityRequirementsSet
@Path("/beak/signup")
public class SignupResource {

  private final SignupService service;

  public SignupResource(SignupService service) {
    this.service = service;
  }

  @Operation(summary = "Hatch a duckling: register a new identity (a birth certificate follows)")
  @APIResponseSchema(
      value = SignupResponse.class,
      responseCode = "201",
      responseDescription = "Created")
  @APIResponse(
      responseCode = "409",
      description = "Identity already exists: the email is registered")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<SignupResponse> signup(
      @Valid @NotNull SignupRequest request, @HeaderParam(GeoCountry.HEADER) String country) {
    return service.signup(request, GeoCountry.of(country));
  }
}
