package com.spaceduck.identity.verification;

import com.spaceduck.identity.auth.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Sends and checks one-time codes for the caller's email and phone. */
@SecurityRequirement(name = "sd_token")
@SecurityRequirement(name = "beak_key")
@Path("/beak/verify")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

  private final VerificationService service;
  private final SecurityIdentity identity;

  public VerificationResource(VerificationService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @Operation(summary = "Send a verification code to the duckling's email")
  @APIResponseSchema(
      value = CodeSentResponse.class,
      responseCode = "202",
      responseDescription = "Accepted")
  @APIResponse(responseCode = "409", description = "The email is already verified")
  @APIResponse(responseCode = "429", description = "Send caps reached; retry after Retry-After")
  @POST
  @Path("email")
  @ResponseStatus(202)
  public Uni<CodeSentResponse> sendEmailCode() {
    return service.sendEmailCode(Caller.of(identity));
  }

  @Operation(summary = "Confirm the email with the code")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "429", description = "Today's wrong guesses are used up")
  @POST
  @Path("email/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<VerifiedResponse> confirmEmail(@Valid @NotNull ConfirmRequest request) {
    return service.confirm(Caller.of(identity), Channel.EMAIL, request.code());
  }

  @Operation(summary = "Send a verification code by SMS (after a verified email)")
  @APIResponseSchema(
      value = CodeSentResponse.class,
      responseCode = "202",
      responseDescription = "Accepted")
  @APIResponse(responseCode = "403", description = "The email is not verified yet")
  @APIResponse(
      responseCode = "429",
      description = "Send caps reached (per duckling and per number); retry after Retry-After")
  @POST
  @Path("phone")
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(202)
  public Uni<CodeSentResponse> sendPhoneCode(@Valid @NotNull PhoneRequest request) {
    return service.sendPhoneCode(Caller.of(identity), request.phone());
  }

  @Operation(summary = "Confirm the phone number with the code")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "429", description = "Today's wrong guesses are used up")
  @POST
  @Path("phone/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<VerifiedResponse> confirmPhone(@Valid @NotNull ConfirmRequest request) {
    return service.confirm(Caller.of(identity), Channel.PHONE, request.code());
  }
}
