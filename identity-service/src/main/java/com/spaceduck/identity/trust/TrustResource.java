package com.spaceduck.identity.trust;

import com.spaceduck.identity.auth.Caller;
import com.spaceduck.platform.http.OptionalJsonBody;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/** Trust status and elevation; the request routes are operator actions (sd_token only). */
@SecurityRequirement(name = "sd_token")
@SecurityRequirement(name = "beak_key")
@Path("/beak/trust")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TrustResource {

  private final TrustService service;
  private final SecurityIdentity identity;

  public TrustResource(TrustService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @Operation(summary = "The caller's trust tier and what the next tier needs")
  @GET
  public Uni<TrustResponse> status() {
    return service.status(Caller.of(identity));
  }

  /** 200 when granted at once (T1), 202 with a pending request otherwise. */
  @Operation(summary = "Request a trust tier elevation (T2 needs a verified phone)")
  @APIResponse(responseCode = "200")
  @APIResponseSchema(
      value = ElevationResponse.class,
      responseCode = "202",
      responseDescription = "Accepted: pending an operator's decision")
  @APIResponse(
      responseCode = "403",
      description = "Trust tier insufficient: the tier's requirements are not met")
  @PUT
  @Path("elevate")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<RestResponse<ElevationResponse>> elevate(@Valid @NotNull ElevateRequest request) {
    return service
        .elevate(Caller.of(identity), request)
        .map(
            result ->
                TrustService.GRANTED.equals(result.status())
                    ? RestResponse.ok(result)
                    : RestResponse.accepted(result));
  }

  @Operation(summary = "Operator: pending elevation requests")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "403", description = "Not an operator")
  @SecurityRequirement(name = "sd_token")
  @GET
  @Path("requests")
  public Uni<ElevationListResponse> requests(
      @QueryParam("status")
          @DefaultValue("pending")
          @Pattern(
              regexp = "pending|approved|rejected",
              message = "must be pending, approved or rejected")
          String status) {
    return service.list(Caller.of(identity), ElevationStatus.of(status));
  }

  /** The body ({@code {"reason"}}) is optional, so a bare POST works. */
  @Operation(summary = "Operator: approve an elevation request")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "403", description = "Not an operator")
  @SecurityRequirement(name = "sd_token")
  @POST
  @Path("requests/{request_id}/approve")
  @OptionalJsonBody
  public Uni<ElevationResponse> approve(
      @PathParam("request_id") UUID requestId,
      @RequestBody(required = false) @Valid DecisionRequest decision) {
    return service.approve(Caller.of(identity), requestId, decision);
  }

  /** The body ({@code {"reason"}}) is optional, so a bare POST works. */
  @Operation(summary = "Operator: reject an elevation request")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "403", description = "Not an operator")
  @SecurityRequirement(name = "sd_token")
  @POST
  @Path("requests/{request_id}/reject")
  @OptionalJsonBody
  public Uni<ElevationResponse> reject(
      @PathParam("request_id") UUID requestId,
      @RequestBody(required = false) @Valid DecisionRequest decision) {
    return service.reject(Caller.of(identity), requestId, decision);
  }
}
