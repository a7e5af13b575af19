package com.spaceduck.cert.verify;

import com.spaceduck.cert.CertStatus;
import com.spaceduck.platform.contracts.TrustTier;
import java.time.Instant;

/** The public answer about a certificate: exactly the fields of the verification API. */
public record VerifyResponse(
    String certId,
    CertStatus certStatus,
    TrustTier trustTier,
    String displayName,
    Instant issuedAt,
    boolean verified) {}
