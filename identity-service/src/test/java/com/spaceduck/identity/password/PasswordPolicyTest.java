package com.spaceduck.identity.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private static final String EMAIL = "jane@pond.test";

  @Test
  void acceptsLongMixedPassword() {
    assertTrue(PasswordPolicy.check("correct horse battery", EMAIL).isEmpty());
    assertTrue(PasswordPolicy.check("Abcdefghijkl", EMAIL).isEmpty());
  }

  @Test
  void rejectsTooShortAndTooLong() {
    assertEquals(1, PasswordPolicy.check("Abcdefghijk", EMAIL).size());
    assertEquals(1, PasswordPolicy.check("Ab".repeat(64) + "c", EMAIL).size());
    assertTrue(PasswordPolicy.check("Ab".repeat(64), EMAIL).isEmpty());
  }

  @Test
  void rejectsSingleCharacterClass() {
    assertEquals(1, PasswordPolicy.check("abcdefghijklmnop", EMAIL).size());
    assertEquals(1, PasswordPolicy.check("123456789012", EMAIL).size());
    assertEquals(1, PasswordPolicy.check("!!!!!!!!!!!!!!", EMAIL).size());
  }

  @Test
  void rejectsTheEmailOrPasswordsContainingIt() {
    assertEquals(1, PasswordPolicy.check(EMAIL, EMAIL).size());
    assertEquals(1, PasswordPolicy.check("XX" + EMAIL.toUpperCase() + "99", EMAIL).size());
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // Twelve emoji are twelve characters (and "other" plus a letter makes two classes).
    assertTrue(PasswordPolicy.check("a" + "\uD83E\uDD86".repeat(11), EMAIL).isEmpty());
  }
}
