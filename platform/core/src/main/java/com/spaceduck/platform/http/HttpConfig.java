package com.spaceduck.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits every service applies to a request before any route sees it. */
@ConfigMapping(prefix = "spaceduck.http")
public interface HttpConfig {

  /**
   * The longest request target (path and query) answered normally; a longer one gets a 414 problem.
   * It must stay below {@code quarkus.http.limits.max-initial-line-length}, past which the HTTP
   * decoder itself refuses the request line with a bare 414.
   */
  @WithDefault("8192")
  int maxUriLength();
}
