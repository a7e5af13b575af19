package com.spaceduck.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The left column lists spellings a Quarkus REST 3.34.1 service with {@code @Path("/beak/signup")}
 * and friends was seen to serve, or to answer 404 or 400 to; the right column is the path the
 * gateway picks the limit group by.
 */
class CanonicalPathsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Served as the resource by the service.
        "/beak/signup/ | /beak/signup",
        "/beak/signup// | /beak/signup",
        "/beak//signup | /beak/signup",
        "/beak/signup;x | /beak/signup",
        "/beak/signup; | /beak/signup",
        "/beak/signup;x/ | /beak/signup",
        "/beak/sig%6Eup;a=b;c | /beak/signup",
        "/beak;x/signup | /beak/signup",
        "/beak%2Fsignup;x | /beak/signup",
        "/beak/signup%2F;x | /beak/signup",
        "/beak/newsletter;x/subscribe | /beak/newsletter/subscribe",
        "/beak/newsletter%2Fsubscribe;x | /beak/newsletter/subscribe",
        "/beak/newsletter//subscribe | /beak/newsletter/subscribe",
        "/beak/support;x/contact | /beak/support/contact",
        "/beak/cert/verify/ | /beak/cert/verify",
        "/beak/cert/verify;a | /beak/cert/verify",
        "/beak/cert;a/verify | /beak/cert/verify",
        "/beak/cert/view/ | /beak/cert/view",
        "/beak/cert/status/1;x | /beak/cert/status/1",
        "/beak/cert/%2Ewell-known/jwks.json | /beak/cert/.well-known/jwks.json",
        "/beak/keys/abc;x | /beak/keys/abc",
        // A 404 at the service: canonical or stricter here, never laxer.
        "/beak%2Fsignup | /beak/signup",
        "/beak/newsletter%2Fsubscribe | /beak/newsletter/subscribe",
        "/beak/signup%3Bx | /beak/signup;x",
        "/beak/x/..;/signup | /beak/x/../signup",
        "/beak/SIGNUP/ | /beak/SIGNUP",
        "/ | /",
        "// | /",
      })
  void spellingsOfAPathShareItsCanonicalForm(String path, String canonical) {
    assertEquals(canonical, CanonicalPaths.of(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/beak/signup",
        "/beak/keys/123",
        "/v1/catalog",
        "/BEAK/SIGNUP",
        "/beak/cert/.well-known/jwks.json",
        "/beak/cert/status/1",
        "/beak/cert/0b7c5e4e-3c1d-4a55-9f4e-2b1d5c6a7e8f/qr.svg"
      })
  void canonicalPathsAreReturnedAsTheyAre(String path) {
    assertSame(path, CanonicalPaths.of(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/beak/signup%zz", "/beak/signup%zz;x", "/beak/signup%2", "/beak/%"})
  void malformedPercentEncodingHasNoCanonicalForm(String path) {
    assertNull(CanonicalPaths.of(path));
  }
}
