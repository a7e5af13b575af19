package com.spaceduck.cert;

import com.spaceduck.platform.config.SettingsCheck;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.regex.Pattern;

/** The ranges of {@link CertConfig}, checked before anything else starts. */
@ApplicationScoped
class CertSettings {

  /** A host name, or host:port, as it appears in URLs. */
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?");

  void check(@Observes @Priority(1) StartupEvent start, CertConfig config) {
    check(config).orFail();
  }

  static SettingsCheck check(CertConfig config) {
    return SettingsCheck.of("spaceduck.cert")
        .atLeast("lifetime", config.lifetime(), Duration.ofSeconds(1))
        .matches("public-host", config.publicHost(), HOST, "must be a host name or host:port")
        .between("status-lists.size", config.statusLists().size(), 131_072, 16_777_216)
        .atLeast("status-lists.max-assigned", config.statusLists().maxAssigned(), 1)
        .atLeast("status-lists.max-age", config.statusLists().maxAge(), Duration.ZERO);
  }
}
