package com.spaceduck.identity.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BeakKeysTest {

  @Test
  void generatedKeysAreWellFormedAndDistinct() {
    String key = BeakKeys.generate();
    assertTrue(key.matches("bk_live_[A-Za-z0-9_-]{32}"), key);
    assertTrue(BeakKeys.wellFormed(key));
    assertNotEquals(key, BeakKeys.generate());
    assertEquals(16, BeakKeys.readablePrefix(key).length());
    assertEquals(64, BeakKeys.hash(key).length());
  }

  @Test
  void malformedKeysAreRecognised() {
    assertFalse(BeakKeys.wellFormed("bk_live_short"));
    assertFalse(BeakKeys.wellFormed("bk_live_" + "a".repeat(31) + "="));
    assertFalse(BeakKeys.wellFormed("dk_live_" + "a".repeat(32)));
    assertFalse(BeakKeys.wellFormed(null));
  }
}
