package com.spaceduck.platform.testing;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * A service's {@code @ConfigMapping} read from given properties and its defaults, without starting
 * the application: for testing the checks a service makes of its settings at start.
 */
public final class ConfigMappings {

  private ConfigMappings() {}

  /** {@code mapping} with {@code properties} over its defaults; durations as Quarkus reads them. */
  public static <T> T load(Class<T> mapping, Map<String, String> properties) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(mapping)
            .withConverter(Duration.class, 200, new DurationConverter())
            .withSources(new PropertiesConfigSource(properties, "test", 500))
            .build();
    return config.getConfigMapping(mapping);
  }
}
