package com.spaceduck.cert.revoke;

/** Body of {@code POST /beak/cert/revoke}. */
public record RevokeRequest(String certId, String reason) {}
