package com.spaceduck.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HopsTest {

  @Test
  void hopByHopNamesMatchInAnyCase() {
    for (String name :
        new String[] {
          "TE",
          "te",
          "Trailer",
          "UPGRADE",
          "connection",
          "Keep-Alive",
          "proxy-connection",
          "Transfer-Encoding",
          "Proxy-Authenticate",
          "proxy-authorization"
        }) {
      assertTrue(Hops.hopByHop(name), name);
    }
  }

  @Test
  void endToEndNamesOfTheSameLengthAreKept() {
    // Same lengths as hop-by-hop names, different names.
    for (String name :
        new String[] {
          "XE",
          "Referer",
          "Content-MD5",
          "Connexions",
          "Keep-Alivf",
          "Content-Encoding",
          "Transfer-Encodinx",
          "Www-Authenticate--",
          "Proxy-Authorizatio",
          "Accept",
          "Cookie"
        }) {
      assertFalse(Hops.hopByHop(name), name);
    }
  }

  @Test
  void gatewayOwnedAndEdgeHeaders() {
    assertTrue(Hops.gatewayOwned("host"));
    assertTrue(Hops.gatewayOwned("Forwarded"));
    assertTrue(Hops.gatewayOwned("x-request-id"));
    assertTrue(Hops.gatewayOwned("X-FORWARDED-FOR"));
    assertTrue(Hops.gatewayOwned("x-forwarded-host"));
    assertTrue(Hops.gatewayOwned("X-Forwarded-Proto"));
    assertFalse(Hops.gatewayOwned("X-Forwarded-Port"));
    assertFalse(Hops.gatewayOwned("Hostile"));
    assertTrue(Hops.edgeOnly("x-geo-country"));
    assertFalse(Hops.edgeOnly("X-Geo-City"));
  }
}
