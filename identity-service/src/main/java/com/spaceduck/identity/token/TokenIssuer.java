package com.spaceduck.identity.token;

import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.platform.contracts.TrustTier;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Issues {@code sd_token}s: RS256 JWTs that this service, cert-service and the gateway verify. */
@ApplicationScoped
public class TokenIssuer {

  /** The claim carrying the duckling's trust tier when the token was issued. */
  public static final String TIER_CLAIM = "tier";

  private final SigningKeys keys;
  private final IdentityConfig.Token config;
  private final Clock clock;

  public TokenIssuer(SigningKeys keys, IdentityConfig config, Clock clock) {
    this.keys = keys;
    this.config = config.token();
    this.clock = clock;
  }

  public IssuedToken issue(UUID ducklingId, TrustTier tier, Set<String> groups) {
    Instant now = clock.instant();
    long lifetime = config.lifetime().toSeconds();
    String token =
        Jwt.issuer(config.issuer())
            .audience(config.audience())
            .subject(ducklingId.toString())
            .groups(groups)
            .claim(TIER_CLAIM, tier.name())
            .issuedAt(now)
            .expiresAt(now.plusSeconds(lifetime))
            .claim("jti", UUID.randomUUID().toString())
            .jws()
            .algorithm(SignatureAlgorithm.RS256)
            .keyId(keys.keyId())
            .sign(keys.signingKey());
    return new IssuedToken(token, lifetime);
  }

  /** A signed token and its lifetime in seconds. */
  public record IssuedToken(String token, long expiresIn) {}
}
