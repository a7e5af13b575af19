package com.spaceduck.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  private final ClientAddresses behindProxies =
      new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8", "192.0.2.7"));

  @Test
  void untrustedPeerIsTheClientWhateverItClaims() {
    assertEquals("198.51.100.4", behindProxies.resolve("198.51.100.4", "1.2.3.4"));
    assertEquals("198.51.100.4", new ClientAddresses(List.of()).resolve("198.51.100.4", "1.2.3.4"));
  }

  @Test
  void trustedPeerNamesTheRightMostUntrustedAddress() {
    assertEquals("203.0.113.5", behindProxies.resolve("10.1.2.3", "6.6.6.6, 203.0.113.5"));
    assertEquals(
        "203.0.113.5",
        behindProxies.resolve("10.1.2.3", "6.6.6.6, 203.0.113.5, 10.9.9.9, 192.0.2.7"));
  }

  @Test
  void severalHeaderLinesAreOneListInOrder() {
    // The client wrote the first line; the trusted proxy appended the second.
    assertEquals(
        "203.0.113.5",
        behindProxies.resolve("10.1.2.3", List.of("6.6.6.6", "203.0.113.5, 10.9.9.9")));
    assertEquals(
        "203.0.113.5",
        behindProxies.resolve("10.1.2.3", List.of("6.6.6.6, 7.7.7.7", "203.0.113.5")));
    assertEquals("10.1.2.3", behindProxies.resolve("10.1.2.3", List.of()));
  }

  @Test
  void chainOfOnlyTrustedProxiesYieldsTheLeftMost() {
    assertEquals("10.0.0.9", behindProxies.resolve("10.1.2.3", "10.0.0.9, 10.0.0.8"));
  }

  @Test
  void malformedEntryEndsTheChain() {
    assertEquals("10.1.2.3", behindProxies.resolve("10.1.2.3", "203.0.113.5, not-an-ip"));
    assertEquals("10.0.0.8", behindProxies.resolve("10.1.2.3", "evil.example, 10.0.0.8"));
  }

  @Test
  void ipv6AndMappedAddressesMatch() {
    assertTrue(behindProxies.trusted("fd12::1"));
    assertTrue(behindProxies.trusted("::ffff:10.0.0.1"));
    assertFalse(behindProxies.trusted("2001:db8::1"));
    assertEquals("2001:db8::1", behindProxies.resolve("fd00::2", "2001:db8::1"));
  }

  @Test
  void badBlocksAreRejectedWithTheReason() {
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com/8"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x"));
  }
}
