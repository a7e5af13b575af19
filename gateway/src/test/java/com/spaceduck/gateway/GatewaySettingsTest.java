package com.spaceduck.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.platform.testing.ConfigMappings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

  private static final Map<String, String> GROUP =
      Map.of(
          "spaceduck.gateway.rate-limits.groups.beak.paths", "/beak/**",
          "spaceduck.gateway.rate-limits.groups.beak.limit", "100");

  @Test
  void settingsInRangePass() {
    GatewayConfig config = ConfigMappings.load(GatewayConfig.class, GROUP);

    assertEquals(List.of(), GatewaySettings.check(config).problems());
  }

  @Test
  void settingsOutOfRangeAreNamedWithTheirGroup() {
    Map<String, String> properties = new HashMap<>(GROUP);
    properties.put("spaceduck.gateway.rate-limits.groups.beak.limit", "0");
    properties.put("spaceduck.gateway.rate-limits.groups.beak.keys-per-ip.burst", "0");
    properties.put("spaceduck.gateway.rate-limits.ipv6-prefix-length", "129");
    GatewayConfig config = ConfigMappings.load(GatewayConfig.class, properties);

    assertEquals(
        List.of(
            "spaceduck.gateway.rate-limits.ipv6-prefix-length must be from 1 to 128, was 129",
            "spaceduck.gateway.rate-limits.groups.beak.limit must be at least 1, was 0",
            "spaceduck.gateway.rate-limits.groups.beak.keys-per-ip.burst must be at least 1, was 0"),
        GatewaySettings.check(config).problems());
  }
}
