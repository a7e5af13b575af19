package com.spaceduck.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.spaceduck.gateway.GatewayConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitGroupsConfigTest {

  private static GatewayConfig config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withMapping(GatewayConfig.class)
        .withConverter(Duration.class, 100, new DurationConverter())
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .build()
        .getConfigMapping(GatewayConfig.class);
  }

  private static Map<String, String> group(String name, String paths, String limit) {
    Map<String, String> properties = new HashMap<>();
    properties.put("spaceduck.gateway.rate-limits.groups." + name + ".paths", paths);
    properties.put("spaceduck.gateway.rate-limits.groups." + name + ".limit", limit);
    return properties;
  }

  @Test
  void exactPathsBeatPrefixesAndLongerPrefixesBeatShorter() {
    Map<String, String> properties = group("all", "/beak/**", "100");
    properties.putAll(group("news", "/beak/newsletter/**", "5"));
    properties.putAll(group("signup", "/beak/signup", "10"));
    LimitGroups groups = new LimitGroups(config(properties));
    assertEquals("signup", groups.match("/beak/signup").name());
    assertEquals("news", groups.match("/beak/newsletter/subscribe").name());
    assertEquals("all", groups.match("/beak/signup/extra").name());
    assertNull(groups.match("/v1/sync"));
  }

  @Test
  void refillIntervalAndCapacityComeFromLimitWindowAndBurst() {
    Map<String, String> properties = group("signup", "/beak/signup", "10");
    properties.put("spaceduck.gateway.rate-limits.groups.signup.burst", "5");
    LimitGroup signup = new LimitGroups(config(properties)).match("/beak/signup");
    assertEquals(6_000_000, signup.intervalMicros());
    assertEquals(5, signup.capacity());
    assertEquals(GatewayConfig.KeyType.IP, signup.key());
    assertEquals(GatewayConfig.FailMode.OPEN, signup.failMode());
  }

  @Test
  void badGroupsFailWithTheKeyNamed() {
    Map<String, String> relative = group("bad", "beak/x", "5");
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> new LimitGroups(config(relative)));
    assertTrue(
        e.getMessage().contains("spaceduck.gateway.rate-limits.groups.bad.paths"), e.getMessage());

    Map<String, String> tinyWindow = group("fast", "/x", "5");
    tinyWindow.put("spaceduck.gateway.rate-limits.groups.fast.window", "10ms");
    e = assertThrows(ConfigurationException.class, () -> new LimitGroups(config(tinyWindow)));
    assertTrue(
        e.getMessage().contains("spaceduck.gateway.rate-limits.groups.fast.window"),
        e.getMessage());

    Map<String, String> twice = group("one", "/x", "5");
    twice.putAll(group("two", "/x", "5"));
    e = assertThrows(ConfigurationException.class, () -> new LimitGroups(config(twice)));
    assertTrue(e.getMessage().contains("already in group"), e.getMessage());
  }

  @Test
  void unknownKeyTypeIsRejected() {
    Map<String, String> properties = group("g", "/x", "5");
    properties.put("spaceduck.gateway.rate-limits.groups.g.key", "cookie");
    assertThrows(RuntimeException.class, () -> config(properties));
  }

  @Test
  void keyedGroupsHaveAPerIpBucketDefaultingToTheirOwnNumbers() {
    Map<String, String> properties = group("api", "/v1/**", "600");
    properties.put("spaceduck.gateway.rate-limits.groups.api.key", "api-key");
    properties.putAll(group("beak", "/beak/**", "300"));
    properties.put("spaceduck.gateway.rate-limits.groups.beak.key", "principal");
    properties.put("spaceduck.gateway.rate-limits.groups.beak.keys-per-ip.limit", "1200");
    properties.putAll(group("signup", "/beak/signup", "10"));
    LimitGroups groups = new LimitGroups(config(properties));

    LimitGroup api = groups.match("/v1/sync").keysPerIp();
    assertEquals("api/ip", api.name());
    assertEquals(600, api.capacity());
    assertEquals(GatewayConfig.KeyType.IP, api.key());
    LimitGroup beak = groups.match("/beak/keys").keysPerIp();
    assertEquals("1200;w=60;burst=1200", beak.policy());
    assertEquals(50_000, beak.intervalMicros());
    assertNull(groups.match("/beak/signup").keysPerIp());
    assertTrue(groups.all().contains(beak), "per-IP buckets are counted like groups");
  }

  @Test
  void keysPerIpOnAGroupWithoutKeysIsRejected() {
    Map<String, String> properties = group("signup", "/beak/signup", "10");
    properties.put("spaceduck.gateway.rate-limits.groups.signup.keys-per-ip.limit", "40");
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> new LimitGroups(config(properties)));
    assertTrue(
        e.getMessage().contains("spaceduck.gateway.rate-limits.groups.signup.keys-per-ip"),
        e.getMessage());
  }
}
