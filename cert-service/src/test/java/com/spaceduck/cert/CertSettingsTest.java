package com.spaceduck.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.platform.testing.ConfigMappings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertSettingsTest {

  @Test
  void theDefaultsAreInRange() {
    CertConfig config = ConfigMappings.load(CertConfig.class, Map.of());

    assertEquals(List.of(), CertSettings.check(config).problems());
  }

  @Test
  void settingsOutOfRangeAreNamed() {
    CertConfig config =
        ConfigMappings.load(
            CertConfig.class,
            Map.of(
                "spaceduck.cert.lifetime", "0s",
                "spaceduck.cert.public-host", "https://spaceduck.example/",
                "spaceduck.cert.status-lists.size", "1024"));

    assertEquals(
        List.of(
            "spaceduck.cert.lifetime must be at least PT1S, was PT0S",
            "spaceduck.cert.public-host must be a host name or host:port, was"
                + " \"https://spaceduck.example/\"",
            "spaceduck.cert.status-lists.size must be from 131072 to 16777216, was 1024"),
        CertSettings.check(config).problems());
  }
}
