package com.spaceduck.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void generatedIdsAreDistinctVersion4Uuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIds.newId();
      UUID uuid = UUID.fromString(id);
      assertEquals(4, uuid.version());
      assertEquals(2, uuid.variant());
      assertTrue(seen.add(id));
    }
  }

  @Test
  void acceptsTraceLikeIdsAndRejectsAnythingElse() {
    assertTrue(RequestIds.acceptable("0af7651916cd43dd8448eb211c80319c"));
    assertTrue(RequestIds.acceptable("req-2026.11.24:abc_1"));
    assertFalse(RequestIds.acceptable(""));
    assertFalse(RequestIds.acceptable("a b"));
    assertFalse(RequestIds.acceptable("line\nbreak"));
    assertFalse(RequestIds.acceptable("x".repeat(129)));
  }
}
