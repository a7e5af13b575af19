package com.spaceduck.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketKeysTest {

  private final BucketKeys per64 = new BucketKeys(null, 64);

  @Test
  void ipv6ClientsShareABucketPerPrefix() {
    assertEquals("ip:2001:db8:1:2::/64", per64.ip("2001:db8:1:2::1"));
    assertEquals("ip:2001:db8:1:2::/64", per64.ip("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    assertNotEquals(per64.ip("2001:db8:1:2::1"), per64.ip("2001:db8:1:3::1"));
    BucketKeys per48 = new BucketKeys(null, 48);
    assertEquals("ip:2001:db8:1::/48", per48.ip("2001:db8:1:2::1"));
    assertEquals(per48.ip("2001:db8:1:2::1"), per48.ip("2001:db8:1:3::1"));
    assertEquals(
        "ip:2001:db8:1:2:3:4:5:6/128", new BucketKeys(null, 128).ip("2001:db8:1:2:3:4:5:6"));
  }

  @Test
  void ipv4ClientsHaveABucketEachInEitherNotation() {
    assertEquals("ip:192.0.2.7", per64.ip("192.0.2.7"));
    assertEquals("ip:192.0.2.7", per64.ip("::ffff:192.0.2.7"));
    assertNotEquals(per64.ip("192.0.2.7"), per64.ip("192.0.2.8"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bk_live_abcdefghijklmnopqrstuvwxyzABCD-_",
        "dk_live_0123456789abcdefghijklmnopqrstuv",
        "dk_test_0123456789abcdefghijklmnopqrstuv"
      })
  void keysOfTheIssuedShapesAreKeys(String key) {
    assertTrue(BucketKeys.wellFormedKey(key));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bk_live_short",
        "bk_live_abcdefghijklmnopqrstuvwxyzABCD-_x",
        "bk_live_abcdefghijklmnopqrstuvwxyzABC+/",
        "bk_test_abcdefghijklmnopqrstuvwxyzABCD-_",
        "made-up-token-0123456789abcdefghijklmnop",
        "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl"
      })
  void otherCredentialsAreNotKeys(String credential) {
    assertFalse(BucketKeys.wellFormedKey(credential));
  }
}
