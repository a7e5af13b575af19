package com.spaceduck.sync.keys;

import com.spaceduck.platform.keys.SecretKeys;
import com.spaceduck.platform.sql.Database;
import com.spaceduck.sync.DuckHubProblems;
import com.spaceduck.sync.Owner;
import com.spaceduck.sync.venues.VenueService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A venue's one key: generate (or regenerate, which replaces it), show, revoke. A replaced or
 * revoked key stops working on every instance as soon as the change is committed: the cache of
 * every instance drops it through {@link KeyCache#invalidate}.
 */
@ApplicationScoped
public class ApiKeyService {

  private final Database database;
  private final VenueService venues;
  private final ApiKeyRepository keys;
  private final KeyCache cache;
  private final Clock clock;

  public ApiKeyService(
      Database database, VenueService venues, ApiKeyRepository keys, KeyCache cache, Clock clock) {
    this.database = database;
    this.venues = venues;
    this.keys = keys;
    this.cache = cache;
    this.clock = clock;
  }

  public Uni<NewApiKeyResponse> generate(Owner owner, String venueId) {
    String key = DuckHubKeys.generate();
    // The new hash too: an instance may hold a negative entry for it (as unlikely as that is).
    List<String> stale = new ArrayList<>(List.of(SecretKeys.hash(key)));
    // The transaction is a step, not the method: the caches hear of the change only once committed.
    return database
        .inTransaction(
            () ->
                venues
                    .owned(owner, venueId)
                    .chain(
                        venue ->
                            keys.findById(venue.venueId)
                                .chain(existing -> replace(venue.venueId, existing, key, stale))))
        .call(() -> cache.invalidate(stale))
        .map(row -> new NewApiKeyResponse(row.venueId, key, row.prefix, row.createdAt));
  }

  /** Puts {@code key} in place of the venue's current key (if any), remembering the old hash. */
  private Uni<ApiKey> replace(UUID venueId, ApiKey existing, String key, List<String> stale) {
    ApiKey row = existing;
    if (row == null) {
      row = new ApiKey();
      row.venueId = venueId;
    } else {
      stale.add(row.keyHash);
    }
    row.keyHash = SecretKeys.hash(key);
    row.prefix = SecretKeys.readablePrefix(key);
    row.createdAt = clock.instant();
    row.lastUsedAt = null;
    row.lastUserAgent = null;
    return existing == null ? keys.insert(row) : keys.replace(row);
  }

  public Uni<ApiKeyResponse> show(Owner owner, String venueId) {
    return venues
        .owned(owner, venueId)
        .chain(venue -> keys.findById(venue.venueId))
        .onItem()
        .ifNull()
        .failWith(DuckHubProblems::apiKeyNotFound)
        .map(ApiKeyResponse::of);
  }

  public Uni<Void> revoke(Owner owner, String venueId) {
    return database
        .inTransaction(
            () ->
                venues
                    .owned(owner, venueId)
                    .chain(venue -> keys.findById(venue.venueId))
                    .onItem()
                    .ifNull()
                    .failWith(DuckHubProblems::apiKeyNotFound)
                    .call(keys::delete))
        .call(key -> cache.invalidate(List.of(key.keyHash)))
        .replaceWithVoid();
  }
}
