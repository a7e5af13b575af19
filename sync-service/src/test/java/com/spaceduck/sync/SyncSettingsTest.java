package com.spaceduck.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.spaceduck.platform.testing.ConfigMappings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncSettingsTest {

  @Test
  void theDefaultsAreInRange() {
    SyncConfig config = ConfigMappings.load(SyncConfig.class, Map.of());

    assertEquals(List.of(), SyncSettings.check(config).problems());
  }

  @Test
  void settingsOutOfRangeAreNamed() {
    SyncConfig config =
        ConfigMappings.load(
            SyncConfig.class,
            Map.of(
                "spaceduck.sync.max-venues-per-owner", "0",
                "spaceduck.sync.key-cache.channel", " ",
                "spaceduck.sync.catalog.max-page-size", "100001"));

    assertEquals(
        List.of(
            "spaceduck.sync.max-venues-per-owner must be at least 1, was 0",
            "spaceduck.sync.key-cache.channel must not be blank",
            "spaceduck.sync.catalog.max-page-size must be from 1 to 100000, was 100001"),
        SyncSettings.check(config).problems());
  }
}
