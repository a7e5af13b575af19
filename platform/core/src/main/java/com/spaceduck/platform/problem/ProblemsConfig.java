package com.spaceduck.platform.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** How a service renders its problem documents. */
@ConfigMapping(prefix = "spaceduck.problems")
public interface ProblemsConfig {

  /** The error-code family used when no path prefix below matches. */
  @WithDefault("SPACE_DUCK")
  ProblemFamily family();

  /** Base of each problem's {@code type} URI; the code is appended. */
  @WithDefault("https://spaceduck.example/problems/")
  String typeBase();

  /**
   * Families by request path prefix, longest prefix first, for a process that serves more than one
   * API (the gateway), e.g. {@code spaceduck.problems.path-families."/v1/"=SNAKE_CASE}.
   */
  Map<String, ProblemFamily> pathFamilies();

  /**
   * Codes that replace the family's generic one for a kind, keyed by the kind in lower case, e.g.
   * {@code spaceduck.problems.codes.unauthorized=invalid_token} where the API documents a specific
   * code for every 401.
   */
  Map<String, String> codes();

  /**
   * {@code Retry-After} of the 503 problem answered when a dependency (the database, Redis) cannot
   * be reached, in whole seconds (at least 1).
   */
  @WithDefault("5s")
  Duration unavailableRetryAfter();
}
