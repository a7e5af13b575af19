package com.spaceduck.identity.webhooks;

import com.spaceduck.identity.auth.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Webhook subscriptions; a Beak Key may also come as {@code ?beak_key=} on these routes. */
@Path("/beak/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  private final WebhookService service;
  private final SecurityIdentity identity;

  public WebhooksResource(WebhookService service, SecurityIdentity identity) {
    this.service = service;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(201)
  public Uni<CreatedWebhookResponse> create(@Valid @NotNull CreateWebhookRequest request) {
    return service.create(Caller.of(identity), request);
  }

  @GET
  public Uni<WebhookListResponse> list() {
    return service.list(Caller.of(identity));
  }

  @GET
  @Path("{webhook_id}")
  public Uni<WebhookResponse> get(@PathParam("webhook_id") UUID id) {
    return service.get(Caller.of(identity), id);
  }

  @PATCH
  @Path("{webhook_id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<WebhookResponse> update(
      @PathParam("webhook_id") UUID id, @Valid @NotNull UpdateWebhookRequest request) {
    return service.update(Caller.of(identity), id, request);
  }

  @DELETE
  @Path("{webhook_id}")
  @ResponseStatus(204)
  public Uni<Void> delete(@PathParam("webhook_id") UUID id) {
    return service.delete(Caller.of(identity), id);
  }

  @POST
  @Path("{webhook_id}/secret/rotate")
  public Uni<RotatedSecretResponse> rotate(@PathParam("webhook_id") UUID id) {
    return service.rotate(Caller.of(identity), id);
  }
}
