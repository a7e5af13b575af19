package com.spaceduck.identity.keys;

import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.identity.keys.BeakKeyRepository.KeyOwner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The hot path of Beak Key authentication: one lookup by hash per request, and a {@code
 * last_used_at} write at most once per {@code spaceduck.identity.keys.last-used-resolution} per
 * key.
 */
@ApplicationScoped
public class BeakKeyLookup {

  private static final Logger LOG = Logger.getLogger(BeakKeyLookup.class);

  private final BeakKeyRepository keys;
  private final Duration resolution;

  public BeakKeyLookup(BeakKeyRepository keys, IdentityConfig config) {
    this.keys = keys;
    this.resolution = config.keys().lastUsedResolution();
  }

  /** The key with this hash, or {@code null}. */
  public Uni<KeyOwner> find(String hash) {
    return keys.findOwner(hash);
  }

  /** Records use, unless it was recorded recently; never fails the request it serves. */
  public Uni<Void> touch(KeyOwner key, Instant now) {
    if (key.lastUsedAt() != null && key.lastUsedAt().isAfter(now.minus(resolution))) {
      return Uni.createFrom().voidItem();
    }
    return keys.touch(key.keyId(), now, now.minus(resolution))
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.debugf("Could not record the use of key %s: %s", key.keyId(), failure);
              return Uni.createFrom().voidItem();
            });
  }
}
