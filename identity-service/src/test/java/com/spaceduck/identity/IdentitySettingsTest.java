package com.spaceduck.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.platform.testing.ConfigMappings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentitySettingsTest {

  private static final String VERSION = "quarkus.application.version";

  @Test
  void theDefaultsAreInRange() {
    IdentityConfig config = ConfigMappings.load(IdentityConfig.class, Map.of(VERSION, "1.0"));

    assertEquals(List.of(), IdentitySettings.check(config).problems());
  }

  @Test
  void settingsOutOfRangeAreNamed() {
    IdentityConfig config =
        ConfigMappings.load(
            IdentityConfig.class,
            Map.of(
                VERSION,
                "1.0",
                "spaceduck.identity.password.memory-kib",
                "512",
                "spaceduck.identity.password.concurrency",
                "0",
                "spaceduck.identity.verification.phone-prefixes",
                "+1,0044",
                "spaceduck.identity.webhooks.max-url-length",
                "10000"));

    assertEquals(
        List.of(
            "spaceduck.identity.password.memory-kib must be from 1024 to 1048576, was 512",
            "spaceduck.identity.password.concurrency must be from 1 to 256, was 0",
            "spaceduck.identity.verification.phone-prefixes must be + and 1 to 8 digits, was"
                + " \"0044\"",
            "spaceduck.identity.webhooks.max-url-length must be from 64 to 8192, was 10000"),
        IdentitySettings.check(config).problems());
  }
}
