package com.spaceduck.identity.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A Beak Key presented as {@code Authorization: Bearer bk_...}. */
public class BeakKeyAuthenticationRequest extends BaseAuthenticationRequest {

  private final String key;

  public BeakKeyAuthenticationRequest(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
