package com.spaceduck.gateway.ratelimit;

import com.spaceduck.gateway.GatewayConfig;
import com.spaceduck.gateway.GatewayConfig.KeyType;
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

  /** Name of a keyed group's per-IP bucket: {@code beak/ip}. */
  static final String KEYS_PER_IP_SUFFIX = "/ip";

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

  private long lease(long capacity) {
    return Math.max(1, Math.min(lease.max(), (long) (capacity * lease.fraction())));
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
    GatewayConfig.KeysPerIp keysPerIp = config.keysPerIp();
    LimitGroup perIp = null;
    if (config.key() == KeyType.API_KEY || config.key() == KeyType.PRINCIPAL) {
      long ipLimit = keysPerIp.limit().orElse(config.limit());
      long ipCapacity = keysPerIp.burst().orElse(keysPerIp.limit().orElse(config.capacity()));
      if (ipLimit > windowMicros) {
        throw new ConfigurationException(
            key + ".keys-per-ip.limit allows more than one request per µs");
      }
      perIp =
          new LimitGroup(
              name + KEYS_PER_IP_SUFFIX,
              ipLimit,
              windowMicros / 1_000_000,
              ipCapacity,
              windowMicros / ipLimit,
              KeyType.IP,
              config.failMode(),
              lease(ipCapacity),
              null);
      all.add(perIp);
    } else if (keysPerIp.limit().isPresent() || keysPerIp.burst().isPresent()) {
      throw new ConfigurationException(
          key + ".keys-per-ip applies only to groups keyed by api-key or principal");
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
            lease(config.capacity()),
            perIp);
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
