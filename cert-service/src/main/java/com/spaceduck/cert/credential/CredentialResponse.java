package com.spaceduck.cert.credential;

/** A certificate's signed credential (compact JWS), as anyone may fetch it. */
public record CredentialResponse(String certId, String credential) {}
