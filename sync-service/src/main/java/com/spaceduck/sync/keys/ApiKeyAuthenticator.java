package com.spaceduck.sync.keys;

import com.spaceduck.platform.keys.SecretKeys;
import com.spaceduck.sync.DuckHubProblems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Checks the {@code Authorization: Bearer dk_…} of a catalog call and answers which venue it acts
 * for, with the documented 401s otherwise. A warm key is answered from {@link KeyCache}; its usage
 * (time and User-Agent, shown on the Integrations screen) is written at most once a minute, or when
 * the User-Agent changes.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

  private static final Logger LOG = Logger.getLogger(ApiKeyAuthenticator.class);
  private static final Duration USAGE_PRECISION = Duration.ofMinutes(1);
  private static final int MAX_USER_AGENT = 256;

  private final KeyCache cache;
  private final ApiKeyRepository keys;
  private final Clock clock;

  public ApiKeyAuthenticator(KeyCache cache, ApiKeyRepository keys, Clock clock) {
    this.cache = cache;
    this.keys = keys;
    this.clock = clock;
  }

  /** The venue the key in {@code authorization} belongs to. */
  public Uni<UUID> venue(String authorization, String userAgent) {
    String key = bearer(authorization);
    if (key == null) {
      return Uni.createFrom().failure(DuckHubProblems.missingApiKey());
    }
    if (!DuckHubKeys.wellFormed(key)) {
      return Uni.createFrom().failure(DuckHubProblems.invalidApiKeyFormat());
    }
    String hash = SecretKeys.hash(key);
    KeyCache.Entry cached = cache.get(hash);
    Uni<KeyCache.Entry> entry = cached != null ? Uni.createFrom().item(cached) : lookup(hash);
    return entry.chain(
        found -> {
          if (found.venueId() == null) {
            return Uni.createFrom().failure(DuckHubProblems.invalidApiKey());
          }
          return recordUse(hash, found, userAgent).replaceWith(found.venueId());
        });
  }

  private Uni<KeyCache.Entry> lookup(String hash) {
    long epoch = cache.epoch();
    return keys.usage(hash)
        .map(
            usage ->
                usage == null
                    ? cache.put(hash, null, null, null, epoch)
                    : cache.put(
                        hash, usage.venueId(), usage.lastUsedAt(), usage.lastUserAgent(), epoch));
  }

  private Uni<Void> recordUse(String hash, KeyCache.Entry entry, String userAgent) {
    String agent = userAgent == null ? null : truncate(userAgent.strip());
    Instant now = clock.instant();
    boolean recent =
        entry.lastUsedAt() != null && entry.lastUsedAt().plus(USAGE_PRECISION).isAfter(now);
    if (recent && Objects.equals(agent, entry.lastUserAgent())) {
      return Uni.createFrom().voidItem();
    }
    cache.used(hash, entry, now, agent);
    return keys.touch(hash, now, agent)
        .onFailure()
        .invoke(e -> LOG.debugf("Could not record a key's use: %s", e.toString()))
        .onFailure()
        .recoverWithNull();
  }

  /** The credential of {@code Authorization: Bearer …} (scheme case-insensitive), or null. */
  private static String bearer(String authorization) {
    if (authorization == null
        || authorization.length() <= 7
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String credential = authorization.substring(7).strip();
    return credential.isEmpty() ? null : credential;
  }

  private static String truncate(String value) {
    return value.length() <= MAX_USER_AGENT ? value : value.substring(0, MAX_USER_AGENT);
  }
}
