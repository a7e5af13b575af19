package com.spaceduck.cert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Settings of the certificate service, validated at start-up. */
@ConfigMapping(prefix = "spaceduck.cert")
public interface CertConfig {

  /** How long a certificate is valid after issuance; it reads as EXPIRED from then on. */
  @WithDefault("P365D")
  @DurationMin(seconds = 1)
  Duration lifetime();
}
