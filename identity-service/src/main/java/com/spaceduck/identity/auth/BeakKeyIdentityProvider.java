package com.spaceduck.identity.auth;

import com.spaceduck.identity.Operators;
import com.spaceduck.identity.keys.BeakKeyLookup;
import com.spaceduck.identity.keys.BeakKeys;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Turns a Beak Key into the identity of its owner: one indexed lookup by the key's hash, refusing
 * unknown, revoked and expired keys alike.
 */
@ApplicationScoped
public class BeakKeyIdentityProvider implements IdentityProvider<BeakKeyAuthenticationRequest> {

  private final BeakKeyLookup lookup;
  private final Clock clock;

  public BeakKeyIdentityProvider(BeakKeyLookup lookup, Clock clock) {
    this.lookup = lookup;
    this.clock = clock;
  }

  @Override
  public Class<BeakKeyAuthenticationRequest> getRequestType() {
    return BeakKeyAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      BeakKeyAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!BeakKeys.wellFormed(request.key())) {
      return Uni.createFrom().failure(new AuthenticationFailedException());
    }
    Instant now = clock.instant();
    return lookup
        .find(BeakKeys.hash(request.key()))
        .flatMap(
            key -> {
              if (key == null || key.revoked() || !now.isBefore(key.expiresAt())) {
                return Uni.createFrom().failure(new AuthenticationFailedException());
              }
              SecurityIdentity identity =
                  QuarkusSecurityIdentity.builder()
                      .setPrincipal(new QuarkusPrincipal(key.ducklingId().toString()))
                      // A key never carries operator rights, whatever its owner holds.
                      .addRole(Operators.DUCKLING_GROUP)
                      .addAttribute(Caller.TIER, key.tier().name())
                      .addAttribute(Caller.CREDENTIAL, Caller.Credential.BEAK_KEY)
                      .build();
              return lookup.touch(key, now).replaceWith(identity);
            });
  }
}
