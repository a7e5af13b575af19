package com.spaceduck.platform.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SettingsCheckTest {

  @Test
  void valuesInRangePass() {
    SettingsCheck check =
        SettingsCheck.of("spaceduck.test")
            .atLeast("a", 1, 1)
            .between("b", 10, 1, 10)
            .atLeast("c", Optional.empty(), 1)
            .between("d", Optional.of(5), 1, 10)
            .notBlank("e", "x")
            .atLeast("g", Duration.ofSeconds(1), Duration.ofSeconds(1))
            .matches("h", "spaceduck.example", Pattern.compile("[a-z.]+"), "a host")
            .everyMatches("f", List.of("+1", "+44"), Pattern.compile("\\+[1-9][0-9]*"), "digits");

    assertEquals(List.of(), check.problems());
    assertDoesNotThrow(check::orFail);
  }

  @Test
  void everySettingOutOfRangeIsNamedWithItsFullKey() {
    SettingsCheck check =
        SettingsCheck.of("spaceduck.test")
            .atLeast("a", 0, 1)
            .between("b", 11, 1, 10)
            .atLeast("c", Optional.of(0L), 1)
            .between("d", Optional.of(0), 1, 10)
            .notBlank("e", " ")
            .atLeast("g", Duration.ZERO, Duration.ofSeconds(1))
            .matches("h", "not a host", Pattern.compile("[a-z.]+"), "must be a host")
            .everyMatches(
                "f",
                List.of("+1", "44"),
                Pattern.compile("\\+[1-9][0-9]*"),
                "must be + and digits");

    assertEquals(
        List.of(
            "spaceduck.test.a must be at least 1, was 0",
            "spaceduck.test.b must be from 1 to 10, was 11",
            "spaceduck.test.c must be at least 1, was 0",
            "spaceduck.test.d must be from 1 to 10, was 0",
            "spaceduck.test.e must not be blank",
            "spaceduck.test.g must be at least PT1S, was PT0S",
            "spaceduck.test.h must be a host, was \"not a host\"",
            "spaceduck.test.f must be + and digits, was \"44\""),
        check.problems());
    IllegalStateException failure = assertThrows(IllegalStateException.class, check::orFail);
    assertEquals("Invalid settings: " + String.join("; ", check.problems()), failure.getMessage());
  }
}
