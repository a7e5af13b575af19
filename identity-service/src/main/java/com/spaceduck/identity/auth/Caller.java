package com.spaceduck.identity.auth;

import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;

/**
 * The authenticated duckling of a request, the same whichever credential it presented: an {@code
 * sd_token} or a Beak Key. Both produce a {@link SecurityIdentity} whose principal name is the
 * duckling id and whose attributes hold the tier and credential kind. Operator rights are not part
 * of it: {@code Operators.require} looks them up per request.
 */
public record Caller(UUID ducklingId, TrustTier tier, Credential credential) {

  /** Identity attribute: the tier of the token or key ({@code "T0"}..{@code "T3"}). */
  public static final String TIER = "spaceduck.tier";

  /** Identity attribute: the {@link Credential} kind. */
  public static final String CREDENTIAL = "spaceduck.credential";

  /** What the caller authenticated with. */
  public enum Credential {
    SD_TOKEN,
    BEAK_KEY
  }

  public static Caller of(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    UUID id;
    try {
      id = UUID.fromString(identity.getPrincipal().getName());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new UnauthorizedException();
    }
    TrustTier tier = TrustTier.parse(identity.getAttribute(TIER)).orElse(TrustTier.T0);
    Credential credential =
        identity.getAttribute(CREDENTIAL) instanceof Credential kind ? kind : Credential.SD_TOKEN;
    return new Caller(id, tier, credential);
  }

  /** Refuses with 403 E4002, naming the tier, when the credential's tier is below {@code tier}. */
  public void requireTier(TrustTier required) {
    if (tier.below(required)) {
      throw new ProblemException(
          ErrorKind.FORBIDDEN, "This endpoint requires trust tier " + required.name() + ".");
    }
  }
}
