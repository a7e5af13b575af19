package com.spaceduck.gateway.routing;

import com.spaceduck.gateway.GatewayConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured route table ({@code spaceduck.gateway.routes}, path prefix to upstream): which
 * upstream serves a path, by the longest prefix that matches.
 */
@Singleton
public class RouteTable {

  private record Route(String prefix, Upstream upstream) {}

  private final Map<String, Upstream> upstreams = new LinkedHashMap<>();
  private final List<Route> routes = new ArrayList<>();

  public RouteTable(GatewayConfig config) {
    config
        .upstreams()
        .forEach(
            (name, url) -> {
              try {
                upstreams.put(name, Upstream.parse(name, url));
              } catch (IllegalArgumentException e) {
                throw new ConfigurationException(
                    "spaceduck.gateway.upstreams." + name + ": " + e.getMessage());
              }
            });
    config
        .routes()
        .forEach(
            (prefix, name) -> {
              Upstream upstream = upstreams.get(name);
              if (upstream == null) {
                throw new ConfigurationException(
                    "spaceduck.gateway.routes.\""
                        + prefix
                        + "\" names upstream '"
                        + name
                        + "', which spaceduck.gateway.upstreams does not define");
              }
              if (!prefix.startsWith("/") || prefix.startsWith("/q/")) {
                throw new ConfigurationException(
                    "spaceduck.gateway.routes.\""
                        + prefix
                        + "\" must start with / and must not expose /q/");
              }
              routes.add(new Route(prefix, upstream));
            });
    routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
  }

  /** The upstream for a normalised path, or {@code null} when none serves it. */
  public Upstream match(String path) {
    for (Route route : routes) {
      if (path.startsWith(route.prefix())) {
        return route.upstream();
      }
    }
    return null;
  }

  public Collection<Upstream> upstreams() {
    return upstreams.values();
  }
}
