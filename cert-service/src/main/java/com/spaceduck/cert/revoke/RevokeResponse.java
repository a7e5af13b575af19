package com.spaceduck.cert.revoke;

import com.spaceduck.cert.CertStatus;
import java.time.Instant;

/** The revoked certificate: when, and why (the reason given by the first revocation). */
public record RevokeResponse(
    String certId, CertStatus certStatus, Instant revokedAt, String reason) {}
