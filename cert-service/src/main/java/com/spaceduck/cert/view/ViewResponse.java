package com.spaceduck.cert.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.spaceduck.cert.CertStatus;
import com.spaceduck.cert.Certificate;
import com.spaceduck.platform.contracts.TrustTier;
import java.time.Instant;

/**
 * The full certificate for its holder: the verification API's fields, plus {@code expires_at}, the
 * signed {@code credential} (absent only for a draft) and, once revoked, {@code revoked_at}.
 */
public record ViewResponse(
    String certId,
    String ducklingId,
    String displayName,
    CertStatus certStatus,
    TrustTier trustTier,
    Instant issuedAt,
    String country,
    String lambdaVersion,
    Instant expiresAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant revokedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String credential) {

  public static ViewResponse of(Certificate cert, CertStatus status, String credential) {
    return new ViewResponse(
        cert.certId.toString(),
        cert.ducklingId.toString(),
        cert.displayName,
        status,
        cert.trustTier,
        cert.issuedAt,
        cert.country,
        cert.lambdaVersion,
        cert.expiresAt,
        cert.revokedAt,
        credential);
  }
}
