package com.spaceduck.gateway.client;

import com.spaceduck.gateway.GatewayConfig;
import com.spaceduck.platform.keys.PemKeys;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import jakarta.inject.Singleton;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The user behind an {@code sd_token}, for limits keyed by user. Only a token whose RS256
 * signature, issuer, audience and expiry check out names a user; anything else names nobody and the
 * request is keyed by its IP. Verified tokens are remembered until they expire, so a user's
 * repeated requests cost one map lookup.
 */
@Singleton
public class TokenSubjects {

  private static final int MAX_CACHED = 50_000;

  private record Verified(String subject, long expiresAtMillis) {}

  private final JwtConsumer consumer;
  private final Clock clock;
  private final Map<String, Verified> cache = new ConcurrentHashMap<>();

  public TokenSubjects(GatewayConfig config, Clock clock) {
    this.clock = clock;
    this.consumer =
        config
            .jwt()
            .publicKeyLocation()
            .filter(location -> !location.isBlank())
            .map(
                location ->
                    consumer(readKey(location), config.jwt().issuer(), config.jwt().audience()))
            .orElse(null);
  }

  /** The verified subject of a bearer token, if it is a valid {@code sd_token}. */
  public Optional<String> subject(String token) {
    if (consumer == null || token == null || token.length() > 8192) {
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
    try {
      JwtClaims claims = consumer.processToClaims(token);
      long expires = claims.getExpirationTime().getValueInMillis();
      if (expires <= now) {
        return Optional.empty();
      }
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(token, new Verified(claims.getSubject(), expires));
      return Optional.of(claims.getSubject());
    } catch (InvalidJwtException | MalformedClaimException e) {
      return Optional.empty();
    }
  }

  private static JwtConsumer consumer(PublicKey key, String issuer, String audience) {
    return new JwtConsumerBuilder()
        .setRequireExpirationTime()
        .setRequireSubject()
        .setExpectedIssuer(issuer)
        .setAllowedClockSkewInSeconds(30)
        .setExpectedAudience(true, audience)
        .setVerificationKey(key)
        .setJwsAlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
        .build();
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
