package com.spaceduck.identity.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  private final ClientAddresses behindGateway =
      new ClientAddresses(1, List.of("10.0.0.0/8", "::1/128"));

  @Test
  void theGatewaysEntryIsTheClient() {
    assertEquals("203.0.113.7", behindGateway.resolve("10.1.2.3", "203.0.113.7"));
  }

  @Test
  void entriesTheClientWroteAreIgnored() {
    assertEquals("203.0.113.7", behindGateway.resolve("10.1.2.3", "1.2.3.4, 203.0.113.7"));
  }

  @Test
  void headerFromAnUntrustedPeerIsIgnored() {
    assertEquals("198.51.100.9", behindGateway.resolve("198.51.100.9", "203.0.113.7"));
  }

  @Test
  void noHeaderOrAMalformedEntryMeansThePeer() {
    assertEquals("10.1.2.3", behindGateway.resolve("10.1.2.3", null));
    assertEquals("10.1.2.3", behindGateway.resolve("10.1.2.3", "not-an-address"));
  }

  @Test
  void twoHopsTakeTheEntryTheOuterProxyWrote() {
    ClientAddresses behindIngress = new ClientAddresses(2, List.of("10.0.0.0/8"));
    assertEquals(
        "203.0.113.7", behindIngress.resolve("10.1.2.3", "6.6.6.6, 203.0.113.7, 10.9.9.9"));
    // Fewer entries than hops: the leftmost, which a trusted proxy wrote.
    assertEquals("203.0.113.7", behindIngress.resolve("10.1.2.3", "203.0.113.7"));
  }

  @Test
  void zeroHopsIgnoresTheHeader() {
    assertEquals(
        "10.1.2.3", new ClientAddresses(0, List.of("10.0.0.0/8")).resolve("10.1.2.3", "1.1.1.1"));
  }

  @Test
  void ipv6PeersMatchTheirBlocks() {
    assertEquals("2001:db8::1", behindGateway.resolve("::1", "2001:db8::1"));
  }

  @Test
  void ipv6AddressesAreCountedPerSlash64() {
    assertEquals("2001:db8:0:1::/64", ClientAddresses.bucket("2001:db8:0:1::1"));
    assertEquals("2001:db8:0:1::/64", ClientAddresses.bucket("2001:db8:0:1:ffff:1:2:3"));
    assertEquals("203.0.113.7", ClientAddresses.bucket("203.0.113.7"));
  }

  @Test
  void malformedBlocksFailAtStartUp() {
    assertThrows(
        IllegalArgumentException.class, () -> new ClientAddresses(1, List.of("10.0.0/33")));
    assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(1, List.of("nope/8")));
  }
}
