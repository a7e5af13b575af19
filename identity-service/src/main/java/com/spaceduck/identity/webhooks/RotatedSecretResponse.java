package com.spaceduck.identity.webhooks;

import java.time.Instant;

/**
 * The new signing secret, shown once; the previous one also signs until {@code
 * previous_secret_expires_at}.
 */
public record RotatedSecretResponse(String secret, Instant previousSecretExpiresAt) {}
