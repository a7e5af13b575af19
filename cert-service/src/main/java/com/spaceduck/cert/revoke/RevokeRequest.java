package com.spaceduck.cert.revoke;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /beak/cert/revoke}. */
public record RevokeRequest(
    @Schema(examples = "0b7c5a1e-3d2f-4c8b-9e6a-1f2d3c4b5a69") String certId,
    @Schema(examples = "Issued in error") String reason) {}
