package com.spaceduck.identity.webhooks;

import com.spaceduck.identity.auth.Caller;
import com.spaceduck.identity.validation.Paging;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Webhook subscriptions; a Beak Key may also come as {@code ?beak_key=} on these routes. */
@SecurityRequirement(name = "sd_token")
@SecurityRequirement(name = "beak_key")
@SecurityRequirement(name = "beak_key_query")
@Path("/beak/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  private final WebhookService service;
  private final WebhookMessageService messages;
  private final SecurityIdentity identity;

  public WebhooksResource(
      WebhookService service, WebhookMessageService messages, SecurityIdentity identity) {
    this.service = service;
    this.messages = messages;
    this.identity = identity;
  }

  @Operation(summary = "Subscribe a URL to webhook events (answers the signing secret once)")
  @APIResponseSchema(
      value = CreatedWebhookResponse.class,
      responseCode = "201",
      responseDescription = "Created")
  @APIResponse(responseCode = "409", description = "The caller already has 20 webhooks")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<CreatedWebhookResponse> create(@Valid @NotNull CreateWebhookRequest request) {
    return service.create(Caller.of(identity), request);
  }

  @Operation(summary = "List the caller's webhook subscriptions")
  @GET
  public Uni<WebhookListResponse> list() {
    return service.list(Caller.of(identity));
  }

  @Operation(summary = "One webhook subscription")
  @GET
  @Path("{webhook_id}")
  public Uni<WebhookResponse> get(@PathParam("webhook_id") UUID id) {
    return service.get(Caller.of(identity), id);
  }

  @Operation(summary = "Change a webhook subscription (URL, events, enabled)")
  @PATCH
  @Path("{webhook_id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<WebhookResponse> update(
      @PathParam("webhook_id") UUID id, @Valid @NotNull UpdateWebhookRequest request) {
    return service.update(Caller.of(identity), id, request);
  }

  @Operation(summary = "Delete a webhook subscription")
  @APIResponse(responseCode = "204", description = "No Content")
  @DELETE
  @Path("{webhook_id}")
  @ResponseStatus(204)
  public Uni<Void> delete(@PathParam("webhook_id") UUID id) {
    return service.delete(Caller.of(identity), id);
  }

  @Operation(summary = "Rotate a subscription's signing secret")
  @POST
  @Path("{webhook_id}/secret/rotate")
  public Uni<RotatedSecretResponse> rotate(@PathParam("webhook_id") UUID id) {
    return service.rotate(Caller.of(identity), id);
  }

  @Operation(summary = "The subscription's delivered and pending messages, newest first")
  @GET
  @Path("{webhook_id}/messages")
  public Uni<MessageListResponse> messages(
      @PathParam("webhook_id") UUID id,
      @QueryParam("page")
          @DefaultValue("0")
          @Min(value = 0, message = Paging.PAGE_MESSAGE)
          @Max(value = Paging.MAX_PAGE, message = Paging.PAGE_MESSAGE)
          int page,
      @QueryParam("size")
          @DefaultValue(Paging.DEFAULT_SIZE)
          @Min(value = 1, message = Paging.SIZE_MESSAGE)
          @Max(value = Paging.MAX_SIZE, message = Paging.SIZE_MESSAGE)
          int size) {
    return messages.list(Caller.of(identity), id, page, size);
  }

  @Operation(summary = "Retry delivering one message now")
  @POST
  @Path("{webhook_id}/messages/{message_id}/retry")
  public Uni<MessageResponse> retry(
      @PathParam("webhook_id") UUID id, @PathParam("message_id") UUID messageId) {
    return messages.retry(Caller.of(identity), id, messageId);
  }

  @Operation(summary = "Deliver again every message since a time")
  @POST
  @Path("{webhook_id}/replay")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<ReplayResponse> replay(
      @PathParam("webhook_id") UUID id, @Valid @NotNull ReplayRequest request) {
    return messages.replay(Caller.of(identity), id, request.since());
  }

  @Operation(
      summary =
          "Send a signed sample event at once and answer with status, latency and body (the Webhook Tester)")
  @POST
  @Path("{webhook_id}/test")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<TestResponse> test(
      @PathParam("webhook_id") UUID id, @Valid @NotNull TestRequest request) {
    return messages.test(Caller.of(identity), id, request.eventType().strip());
  }
}
