package com.spaceduck.gateway.client;

import com.spaceduck.gateway.GatewayConfig;
import com.spaceduck.platform.keys.PemKeys;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The user behind an {@code sd_token}, for limits keyed by user. Only a token whose RS256
 * signature, issuer, audience and expiry check out names a user; anything else names nobody and the
 * request is keyed by its IP. Tokens are verified by SmallRye JWT's parser, the one the services
 * authenticate with, under the same rules. Verified tokens are remembered until they expire, so a
 * user's repeated requests cost one map lookup.
 */
@Singleton
// JBoss Logging builds the message loggers and bundles of the parser and of the key reader
// (KeyUtils, ResourceUtils) by name, through reflection; the Quarkus extension that would register
// them is not used here, so the native image is told directly.
@RegisterForReflection(
    classNames = {
      "io.smallrye.jwt.auth.principal.PrincipalLogging_$logger",
      "io.smallrye.jwt.auth.principal.PrincipalMessages_$bundle",
      "io.smallrye.jwt.util.JWTUtilLogging_$logger",
      "io.smallrye.jwt.util.JWTUtilMessages_$bundle"
    })
public class TokenSubjects {

  private static final int MAX_CACHED = 50_000;
  private static final int CLOCK_SKEW_SECONDS = 30;

  private record Verified(String subject, long expiresAtMillis) {}

  private final JWTParser parser;
  private final Clock clock;
  private final Map<String, Verified> cache = new ConcurrentHashMap<>();

  @Inject
  public TokenSubjects(GatewayConfig config, Clock clock) {
    this(
        config
            .jwt()
            .publicKeyLocation()
            .filter(location -> !location.isBlank())
            .map(TokenSubjects::readKey)
            .orElse(null),
        config.jwt().issuer(),
        config.jwt().audience(),
        clock);
  }

  /** Subjects of tokens signed with {@code key}; none at all when it is {@code null}. */
  public TokenSubjects(PublicKey key, String issuer, String audience, Clock clock) {
    this.clock = clock;
    this.parser = key == null ? null : parser(key, issuer, audience);
  }

  /** The verified subject of a bearer token, if it is a valid {@code sd_token}. */
  public Optional<String> subject(String token) {
    if (parser == null || token == null || token.length() > 8192) {
      return Optional.empty();
    }
    long now = clock.millis();
    Verified known = cache.get(token);
    if (known != null) {
      if (known.expiresAtMillis() > now) {
        return Optional.of(known.subject());
      }
      cache.remove(token);
      return Optional.empty();
    }
    JsonWebToken verified;
    try {
      verified = parser.parse(token);
    } catch (ParseException | RuntimeException e) {
      // Whatever the parser makes of a token it cannot use, the token names nobody.
      return Optional.empty();
    }
    String subject = verified.getSubject();
    long expires = verified.getExpirationTime() * 1000;
    if (subject == null || subject.isBlank() || expires <= now) {
      return Optional.empty();
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(token, new Verified(subject, expires));
    return Optional.of(subject);
  }

  /**
   * RS256 only (no {@code none}, no HMAC keyed with the public key), the issuer, the audience and a
   * subject required, an expiry with 30 s of clock skew. The factory is given rather than looked up
   * through {@code ServiceLoader}, so the native image needs no service registration.
   */
  private static JWTParser parser(PublicKey key, String issuer, String audience) {
    JWTAuthContextInfo context = new JWTAuthContextInfo(key, issuer);
    context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
    context.setExpectedAudience(Set.of(audience));
    context.setRequiredClaims(Set.of("sub"));
    context.setClockSkew(CLOCK_SKEW_SECONDS);
    return new DefaultJWTParser(context, new DefaultJWTCallerPrincipalFactory());
  }

  private static PublicKey readKey(String location) {
    try {
      return PemKeys.publicKey(
          "spaceduck.gateway.jwt.public-key-location",
          Optional.of(location),
          SignatureAlgorithm.RS256,
          "The gateway needs identity-service's public sd_token key to key limits by user.");
    } catch (IllegalStateException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
  }
}
