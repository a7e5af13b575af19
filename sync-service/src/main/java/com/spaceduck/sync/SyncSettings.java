package com.spaceduck.sync;

import com.spaceduck.platform.config.SettingsCheck;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The ranges of {@link SyncConfig}, checked before anything else starts. */
@ApplicationScoped
class SyncSettings {

  void check(@Observes @Priority(1) StartupEvent start, SyncConfig config) {
    check(config).orFail();
  }

  static SettingsCheck check(SyncConfig config) {
    return SettingsCheck.of("spaceduck.sync")
        .atLeast("max-venues-per-owner", config.maxVenuesPerOwner(), 1)
        .atLeast("key-cache.max-entries", config.keyCache().maxEntries(), 1)
        .notBlank("key-cache.channel", config.keyCache().channel())
        .atLeast("limits.categories", config.limits().categories(), 1)
        .atLeast("limits.items", config.limits().items(), 1)
        .atLeast("limits.modifier-groups", config.limits().modifierGroups(), 1)
        .atLeast("limits.modifiers", config.limits().modifiers(), 1)
        .atLeast("catalog.page-size", config.catalog().pageSize(), 1)
        .between("catalog.max-page-size", config.catalog().maxPageSize(), 1, 100_000);
  }
}
