package com.spaceduck.cert.verify;

/** Body of {@code POST /beak/cert/verify}; {@code action} defaults to {@code verify}. */
public record VerifyRequest(String certId, String action) {}
