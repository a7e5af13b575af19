package com.spaceduck.sync.keys;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Key checks switched off, for bench/sync only: every catalog call acts for one configured venue.
 * It exists only in a jar built with {@code -Dbench.sync.auth-off=true}; the jar the platform ships
 * is built without it, so no runtime setting can turn checks off.
 */
@Alternative
@Priority(1)
@Singleton
@IfBuildProperty(name = "bench.sync.auth-off", stringValue = "true")
public class UncheckedKeys extends ApiKeyAuthenticator {

  private final UUID venue;

  public UncheckedKeys(
      KeyCache cache,
      ApiKeyRepository keys,
      Clock clock,
      @ConfigProperty(name = "bench.sync.venue") UUID venue) {
    super(cache, keys, clock);
    this.venue = venue;
  }

  @Override
  public Uni<UUID> venue(String authorization, String userAgent) {
    return Uni.createFrom().item(venue);
  }
}
