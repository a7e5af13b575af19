package com.spaceduck.cert.verify;

/**
 * A verify request: {@code cert_id} (body or query) or, in a POST body, the signed {@code
 * credential} instead. {@code action} defaults to {@code verify}.
 */
public record VerifyRequest(String certId, String action, String credential) {}
