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
import org.jboss.resteasy.reactive.ResponseStatus;

/** Sends and checks one-time codes for the caller's email and phone. */
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

  @POST
  @Path("email")
  @ResponseStatus(202)
  public Uni<CodeSentResponse> sendEmailCode() {
    return service.sendEmailCode(Caller.of(identity));
  }

  @POST
  @Path("email/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<VerifiedResponse> confirmEmail(@Valid @NotNull ConfirmRequest request) {
    return service.confirm(Caller.of(identity), Channel.EMAIL, request.code());
  }

  @POST
  @Path("phone")
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(202)
  public Uni<CodeSentResponse> sendPhoneCode(@Valid @NotNull PhoneRequest request) {
    return service.sendPhoneCode(Caller.of(identity), request.phone());
  }

  @POST
  @Path("phone/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<VerifiedResponse> confirmPhone(@Valid @NotNull ConfirmRequest request) {
    return service.confirm(Caller.of(identity), Channel.PHONE, request.code());
  }
}
