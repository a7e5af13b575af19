package com.spaceduck.sync.catalog;

import com.spaceduck.sync.keys.KeyHolder;
import com.spaceduck.sync.keys.VenueKey;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Catalog sync and its reports; called with the venue's API key. */
@SecurityRequirement(name = "duckhub_key")
@Path("/v1")
@VenueKey
public class SyncResource {

  static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

  private final SyncService sync;
  private final CatalogService catalog;
  private final KeyHolder key;

  public SyncResource(SyncService sync, CatalogService catalog, KeyHolder key) {
    this.sync = sync;
    this.catalog = catalog;
    this.key = key;
  }

  /**
   * Applies a sync (or, with {@code dryRun=true}, reports what it would do). A retry with the same
   * {@code Idempotency-Key} and body gets the first answer again, marked {@code
   * Idempotent-Replayed: true}.
   */
  @Operation(
      summary =
          "Sync the venue's catalog (full or partial, optionally dry run); idempotent with Idempotency-Key")
  @APIResponse(responseCode = "200")
  @APIResponse(
      responseCode = "401",
      description = "Missing or invalid API key",
      extensions =
          @Extension(
              name = "x-problem-codes",
              value = "missing_api_key,invalid_api_key_format,invalid_api_key"))
  @APIResponse(
      responseCode = "422",
      description = "Idempotency-Key reused with another body",
      extensions = @Extension(name = "x-problem-codes", value = "idempotency_key_reused"))
  @POST
  @Path("/sync")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<RestResponse<SyncReport>> sync(
      @NotNull SyncRequest request,
      @QueryParam("dryRun") @Pattern(regexp = "^(true|false)?$", message = "must be true or false")
          String dryRun,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return sync.sync(key.venueId(), request, flag(dryRun), idempotencyKey)
        .map(
            outcome ->
                outcome.replayed()
                    ? RestResponse.ResponseBuilder.ok(outcome.report())
                        .header(IDEMPOTENT_REPLAYED, "true")
                        .build()
                    : RestResponse.ok(outcome.report()));
  }

  /** A past sync's report, exactly as it was answered. */
  @Operation(summary = "A past sync's report, exactly as it was answered")
  // The stored report is served as it was written: its schema has to be named here.
  @APIResponseSchema(value = SyncReport.class, responseCode = "200", responseDescription = "OK")
  @APIResponse(
      responseCode = "401",
      description = "Missing or invalid API key",
      extensions =
          @Extension(
              name = "x-problem-codes",
              value = "missing_api_key,invalid_api_key_format,invalid_api_key"))
  @GET
  @Path("/syncs/{syncId}")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<String> report(@RestPath String syncId) {
    return catalog.report(key.venueId(), syncId);
  }

  /** The venue's current catalog, items in pages of {@code limit} ordered by externalId. */
  @Operation(summary = "The venue's current catalog, in pages ordered by externalId")
  @APIResponseSchema(value = CatalogPage.class, responseCode = "200", responseDescription = "OK")
  @APIResponse(
      responseCode = "401",
      description = "Missing or invalid API key",
      extensions =
          @Extension(
              name = "x-problem-codes",
              value = "missing_api_key,invalid_api_key_format,invalid_api_key"))
  @GET
  @Path("/catalog")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<CatalogPage> catalog(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return catalog.page(key.venueId(), limit, cursor);
  }

  private static boolean flag(String value) {
    return value != null && !value.equals("false");
  }
}
