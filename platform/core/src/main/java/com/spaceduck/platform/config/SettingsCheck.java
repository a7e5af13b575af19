package com.spaceduck.platform.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ranges of a service's settings, checked when it starts: every setting out of range is named
 * at once, and the start fails with all of them.
 *
 * <p>These were Bean Validation constraints on the {@code @ConfigMapping} interfaces. Quarkus
 * checks those with a validator factory of their own, built before the service is ready, which took
 * a fifth to a quarter of the services' start-up (bench/startup/README.md); these are plain
 * comparisons. Each service lists its checks in one class that observes {@code StartupEvent}.
 *
 * <pre>{@code
 * SettingsCheck.of("spaceduck.sync")
 *     .atLeast("max-venues-per-owner", config.maxVenuesPerOwner(), 1)
 *     .orFail();
 * }</pre>
 */
public final class SettingsCheck {

  private final String prefix;
  private final List<String> problems = new ArrayList<>();

  private SettingsCheck(String prefix) {
    this.prefix = prefix;
  }

  /** Checks for the settings under {@code prefix} (their keys are given relative to it). */
  public static SettingsCheck of(String prefix) {
    return new SettingsCheck(prefix);
  }

  /** {@code value} is {@code min} or more. */
  public SettingsCheck atLeast(String key, long value, long min) {
    if (value < min) {
      problem(key, "must be at least " + min + ", was " + value);
    }
    return this;
  }

  /** {@code value}, when set, is {@code min} or more. */
  public SettingsCheck atLeast(String key, Optional<? extends Number> value, long min) {
    value.ifPresent(set -> atLeast(key, set.longValue(), min));
    return this;
  }

  /** {@code value} is from {@code min} to {@code max}, both included. */
  public SettingsCheck between(String key, long value, long min, long max) {
    if (value < min || value > max) {
      problem(key, "must be from " + min + " to " + max + ", was " + value);
    }
    return this;
  }

  /** {@code value}, when set, is from {@code min} to {@code max}, both included. */
  public SettingsCheck between(String key, Optional<? extends Number> value, long min, long max) {
    value.ifPresent(set -> between(key, set.longValue(), min, max));
    return this;
  }

  /** {@code value} is {@code min} or longer. */
  public SettingsCheck atLeast(String key, Duration value, Duration min) {
    if (value.compareTo(min) < 0) {
      problem(key, "must be at least " + min + ", was " + value);
    }
    return this;
  }

  /** {@code value} has a character other than white space. */
  public SettingsCheck notBlank(String key, String value) {
    if (value == null || value.isBlank()) {
      problem(key, "must not be blank");
    }
    return this;
  }

  /** {@code value} matches {@code pattern}; {@code rule} says what it means. */
  public SettingsCheck matches(String key, String value, Pattern pattern, String rule) {
    return everyMatches(key, List.of(value), pattern, rule);
  }

  /** Every element of {@code values} matches {@code pattern}; {@code rule} says what it means. */
  public SettingsCheck everyMatches(String key, List<String> values, Pattern pattern, String rule) {
    for (String value : values) {
      if (!pattern.matcher(value).matches()) {
        problem(key, rule + ", was \"" + value + "\"");
      }
    }
    return this;
  }

  /** What is out of range so far, one line per setting, each naming its full key. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Fails with every problem found, or returns when there is none. */
  public void orFail() {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Invalid settings: " + String.join("; ", problems));
    }
  }

  private void problem(String key, String what) {
    problems.add(prefix + "." + key + " " + what);
  }
}
