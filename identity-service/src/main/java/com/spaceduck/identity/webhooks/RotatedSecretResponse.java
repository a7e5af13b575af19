package com.spaceduck.identity.webhooks;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The new signing secret, shown once; the previous one also signs until {@code
 * previous_secret_expires_at}.
 */
public record RotatedSecretResponse(
    @Schema(examples = "whsec_4Hk8Qw2Zr6Tx1Nv9Bm3Lc7Pd5Sf0Gj2Y") String secret,
    @Schema(examples = "2026-12-01T09:15:00Z") Instant previousSecretExpiresAt) {}
