package com.spaceduck.identity.auth;

import com.spaceduck.identity.token.TokenIssuer;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives identities from {@code sd_token}s the same attributes Beak Key identities carry (tier and
 * credential kind), so code downstream reads both the same way. The principal name is already the
 * {@code sub} claim (the duckling id) and the roles the {@code groups} claim.
 */
@ApplicationScoped
public class SdTokenAugmentor implements SecurityIdentityAugmentor {

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return Uni.createFrom().item(identity);
    }
    Object tier = token.getClaim(TokenIssuer.TIER_CLAIM);
    return Uni.createFrom()
        .item(
            QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.TIER, tier == null ? "T0" : tier.toString())
                .addAttribute(Caller.CREDENTIAL, Caller.Credential.SD_TOKEN)
                .build());
  }
}
