package com.spaceduck.gateway.routing;

import java.net.URI;

/** One upstream service: its name and where it listens. */
public record Upstream(String name, String host, int port, boolean ssl) {

  /** Parses {@code http://host:port}; an {@link IllegalArgumentException} says what is wrong. */
  static Upstream parse(String name, String url) {
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL");
    }
    String scheme = uri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("'" + url + "' must start with http:// or https://");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + url + "' has no host");
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new IllegalArgumentException("'" + url + "' must not have a path");
    }
    boolean ssl = "https".equals(scheme);
    int port = uri.getPort() > 0 ? uri.getPort() : (ssl ? 443 : 80);
    return new Upstream(name, uri.getHost(), port, ssl);
  }
}
