package com.spaceduck.cert.verify;

import com.spaceduck.cert.CertIds;
import com.spaceduck.cert.CertProblems;
import com.spaceduck.cert.CertStatus;
import com.spaceduck.cert.Certificate;
import com.spaceduck.cert.CertificateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Public verification, the platform's hottest read: input is checked without touching the database,
 * then one prepared primary-key SELECT straight on the reactive pool (no session, no transaction).
 */
@ApplicationScoped
public class VerifyService {

  static final String VERIFY = "verify";

  private final CertificateRepository certificates;
  private final Clock clock;

  public VerifyService(CertificateRepository certificates, Clock clock) {
    this.certificates = certificates;
    this.clock = clock;
  }

  public Uni<VerifyResponse> verify(String certId, String action) {
    if (certId == null || certId.isBlank()) {
      return Uni.createFrom().failure(CertProblems.missingCertId());
    }
    if (action != null && !VERIFY.equals(action)) {
      return Uni.createFrom()
          .failure(CertProblems.invalidField("action", "must be \"verify\" or left out"));
    }
    UUID id = CertIds.parse(certId.strip());
    if (id == null) {
      return Uni.createFrom().failure(CertProblems.certNotFound());
    }
    return certificates.read(id).map(this::answer);
  }

  private VerifyResponse answer(Certificate cert) {
    if (cert == null) {
      throw CertProblems.certNotFound();
    }
    CertStatus status = cert.statusAt(clock.instant());
    if (status == CertStatus.REVOKED) {
      throw CertProblems.certRevoked(cert);
    }
    return new VerifyResponse(
        cert.certId.toString(),
        status,
        cert.trustTier,
        NameMasker.mask(cert.displayName),
        cert.issuedAt,
        status == CertStatus.ISSUED);
  }
}
