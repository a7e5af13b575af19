package com.spaceduck.sync.keys;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the API key of every {@link VenueKey} resource before its body is read, so a stranger gets
 * the documented 401 and never a parse error of a body nobody will look at.
 */
public class VenueKeyFilter {

  private final ApiKeyAuthenticator authenticator;
  private final KeyHolder holder;

  public VenueKeyFilter(ApiKeyAuthenticator authenticator, KeyHolder holder) {
    this.authenticator = authenticator;
    this.holder = holder;
  }

  @VenueKey
  @ServerRequestFilter
  public Uni<Response> authenticate(HttpServerRequest request) {
    return authenticator
        .venue(
            request.getHeader(HttpHeaders.AUTHORIZATION), request.getHeader(HttpHeaders.USER_AGENT))
        .invoke(holder::authenticated)
        .replaceWith((Response) null);
  }
}
