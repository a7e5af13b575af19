package com.spaceduck.identity.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeoCountryTest {

  @Test
  void acceptsTwoAsciiLettersUpperCased() {
    assertEquals("DE", GeoCountry.of("de"));
    assertEquals("US", GeoCountry.of("US"));
  }

  @Test
  void anythingElseIsZz() {
    for (String value : new String[] {null, "", "D", "DEU", "1A", "\u00c9S", "D-", "  "}) {
      assertEquals("ZZ", GeoCountry.of(value), String.valueOf(value));
    }
  }
}
