package com.spaceduck.identity.token;

import java.util.List;

/** An RFC 7517 JWK Set. */
public record JwksResponse(List<Jwk> keys) {

  /** One RSA public key. */
  public record Jwk(String kty, String kid, String alg, String use, String n, String e) {}
}
