package com.spaceduck.identity.auth;

import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.identity.keys.BeakKeys;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Accepts Beak Keys on the same header as {@code sd_token}s: {@code Authorization: Bearer
 * bk_live_...}. It runs before SmallRye JWT's mechanism and claims only bearer values that start
 * with the key prefix; anything else (a JWT) is left to that mechanism.
 *
 * <p>Webhook senders that cannot set headers may pass the key as {@code ?beak_key=…}, but only on
 * the paths of {@code spaceduck.identity.keys.query-key-paths} (the webhook routes): a URL is
 * written to access logs, browser histories and proxies, so anywhere else a query key is refused
 * with 401 rather than used. The header wins when both are present.
 */
@ApplicationScoped
public class BeakKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

  private static final String BEARER = "bearer ";
  public static final String QUERY_PARAMETER = "beak_key";

  private final List<String> queryKeyPaths;

  public BeakKeyAuthenticationMechanism(IdentityConfig config) {
    this.queryKeyPaths = List.copyOf(config.keys().queryKeyPaths());
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    String value;
    if (header == null) {
      value = context.queryParams().get(QUERY_PARAMETER);
      if (value == null) {
        return Uni.createFrom().nullItem();
      }
      if (!queryKeyAllowed(context.normalizedPath())) {
        return Uni.createFrom().failure(new AuthenticationFailedException());
      }
    } else if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      value = header.substring(BEARER.length()).trim();
    } else {
      return Uni.createFrom().nullItem();
    }
    if (!BeakKeys.looksLikeKey(value)) {
      return Uni.createFrom().nullItem();
    }
    return identityProviderManager.authenticate(
        HttpSecurityUtils.setRoutingContextAttribute(
            new BeakKeyAuthenticationRequest(value), context));
  }

  private boolean queryKeyAllowed(String path) {
    for (String prefix : queryKeyPaths) {
      // "/beak/webhooks/" also covers the collection itself, "/beak/webhooks".
      if (path.startsWith(prefix)
          || (prefix.endsWith("/") && path.equals(prefix.substring(0, prefix.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(BeakKeyAuthenticationRequest.class);
  }

  /** Ahead of SmallRye JWT's mechanism (default priority), which would reject a key as a JWT. */
  @Override
  public int getPriority() {
    return DEFAULT_PRIORITY + 100;
  }
}
