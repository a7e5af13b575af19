package com.spaceduck.cert.verifier;

import java.time.Instant;

/**
 * What a genuine certificate credential says: the fields of the public verify answer (the display
 * name already masked), its expiry, and where its revocation bit is.
 *
 * @param keyId the {@code kid} of the key that signed it
 * @param statusListCredential URL of the status list credential holding its revocation bit
 * @param statusListIndex its bit in that list
 */
public record Credential(
    String certId,
    String displayName,
    String trustTier,
    Instant issuedAt,
    Instant expiresAt,
    String statusListCredential,
    int statusListIndex,
    String keyId) {}
