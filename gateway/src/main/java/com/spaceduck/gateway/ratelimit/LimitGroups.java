package com.spaceduck.gateway.ratelimit;

import com.spaceduck.gateway.GatewayConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured endpoint groups and which one a path belongs to. Built once at start-up; a group
 * that makes no sense fails start-up with a message naming its key.
 */
@Singleton
public class LimitGroups {

  private static final String PREFIX = "spaceduck.gateway.rate-limits.groups.";

  private record PrefixGroup(String prefix, LimitGroup group) {}

  private final Map<String, LimitGroup> exact = new HashMap<>();
  private final List<PrefixGroup> prefixes = new ArrayList<>();
  private final List<LimitGroup> all = new ArrayList<>();

  private final GatewayConfig.Lease lease;

  public LimitGroups(GatewayConfig config) {
    this.lease = config.rateLimits().lease();
    config.rateLimits().groups().forEach(this::add);
    prefixes.sort(Comparator.comparingInt((PrefixGroup p) -> p.prefix().length()).reversed());
  }

  /** The group of a request path, or {@code null} when no group covers it. */
  public LimitGroup match(String path) {
    LimitGroup group = exact.get(path);
    if (group != null) {
      return group;
    }
    for (PrefixGroup prefix : prefixes) {
      if (path.startsWith(prefix.prefix())) {
        return prefix.group();
      }
    }
    return null;
  }

  public List<LimitGroup> all() {
    return List.copyOf(all);
  }

  private void add(String name, GatewayConfig.Group config) {
    String key = PREFIX + name;
    long windowMicros = config.window().toNanos() / 1000;
    if (windowMicros < 1_000_000) {
      throw new ConfigurationException(key + ".window must be at least 1s, was " + config.window());
    }
    if (config.limit() > windowMicros) {
      throw new ConfigurationException(key + ".limit allows more than one request per µs");
    }
    if (config.paths().isEmpty()) {
      throw new ConfigurationException(key + ".paths must name at least one path");
    }
    LimitGroup group =
        new LimitGroup(
            name,
            config.limit(),
            windowMicros / 1_000_000,
            config.capacity(),
            windowMicros / config.limit(),
            config.key(),
            config.failMode(),
            Math.max(1, Math.min(lease.max(), (long) (config.capacity() * lease.fraction()))));
    all.add(group);
    for (String path : config.paths()) {
      String trimmed = path.trim();
      if (!trimmed.startsWith("/")) {
        throw new ConfigurationException(key + ".paths: '" + path + "' must start with /");
      }
      LimitGroup previous;
      if (trimmed.endsWith("/**")) {
        String prefix = trimmed.substring(0, trimmed.length() - 2);
        previous =
            prefixes.stream()
                .filter(p -> p.prefix().equals(prefix))
                .map(PrefixGroup::group)
                .findFirst()
                .orElse(null);
        prefixes.add(new PrefixGroup(prefix, group));
      } else {
        previous = exact.put(trimmed, group);
      }
      if (previous != null) {
        throw new ConfigurationException(
            key + ".paths: '" + path + "' is already in group " + previous.name());
      }
    }
  }
}
