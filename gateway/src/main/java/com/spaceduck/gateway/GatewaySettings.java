package com.spaceduck.gateway;

import com.spaceduck.platform.config.SettingsCheck;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/** The ranges of {@link GatewayConfig}, checked before anything else starts. */
@ApplicationScoped
class GatewaySettings {

  void check(@Observes @Priority(1) StartupEvent start, GatewayConfig config) {
    check(config).orFail();
  }

  static SettingsCheck check(GatewayConfig config) {
    GatewayConfig.RateLimits limits = config.rateLimits();
    SettingsCheck check =
        SettingsCheck.of("spaceduck.gateway")
            .atLeast("max-connections-per-upstream", config.maxConnectionsPerUpstream(), 1)
            .between("rate-limits.ipv6-prefix-length", limits.ipv6PrefixLength(), 1, 128);
    for (Map.Entry<String, GatewayConfig.Group> entry : limits.groups().entrySet()) {
      String group = "rate-limits.groups." + entry.getKey() + ".";
      GatewayConfig.Group settings = entry.getValue();
      check
          .atLeast(group + "limit", settings.limit(), 1)
          .atLeast(group + "burst", settings.burst(), 1)
          .atLeast(group + "keys-per-ip.limit", settings.keysPerIp().limit(), 1)
          .atLeast(group + "keys-per-ip.burst", settings.keysPerIp().burst(), 1);
    }
    return check;
  }
}
