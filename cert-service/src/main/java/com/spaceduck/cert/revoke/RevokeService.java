package com.spaceduck.cert.revoke;

import com.spaceduck.cert.CertIds;
import com.spaceduck.cert.CertProblems;
import com.spaceduck.cert.CertStatus;
import com.spaceduck.cert.Certificate;
import com.spaceduck.cert.CertificateRepository;
import com.spaceduck.cert.Requester;
import com.spaceduck.platform.sql.InTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Revocation by the holder or an operator. */
@ApplicationScoped
public class RevokeService {

  /** Longest reason kept, in characters. */
  static final int MAX_REASON = 500;

  private static final Logger LOG = Logger.getLogger(RevokeService.class);

  private final CertificateRepository certificates;
  private final Clock clock;

  public RevokeService(CertificateRepository certificates, Clock clock) {
    this.certificates = certificates;
    this.clock = clock;
  }

  /**
   * Revokes the certificate. Idempotent: revoking a revoked certificate answers with its first
   * {@code revoked_at} and reason. The row is locked for the transaction, so two revocations (or a
   * revocation and a re-tiering) cannot overwrite each other.
   */
  @InTransaction
  public Uni<RevokeResponse> revoke(Requester requester, String certId, String reason) {
    if (certId == null || certId.isBlank()) {
      return Uni.createFrom().failure(CertProblems.missingCertId());
    }
    if (reason == null || reason.isBlank()) {
      return Uni.createFrom().failure(CertProblems.invalidField("reason", "is required"));
    }
    if (reason.length() > MAX_REASON) {
      return Uni.createFrom()
          .failure(
              CertProblems.invalidField("reason", "must be at most " + MAX_REASON + " characters"));
    }
    UUID id = CertIds.parse(certId.strip());
    if (id == null) {
      return Uni.createFrom().failure(CertProblems.certNotFound());
    }
    return certificates.lockById(id).chain(cert -> apply(requester, cert, reason.strip()));
  }

  private Uni<RevokeResponse> apply(Requester requester, Certificate cert, String reason) {
    if (cert == null) {
      return Uni.createFrom().failure(CertProblems.certNotFound());
    }
    if (!requester.mayManage(cert)) {
      return Uni.createFrom().failure(CertProblems.accessDenied());
    }
    Uni<Void> written = Uni.createFrom().voidItem();
    if (cert.status != CertStatus.REVOKED) {
      cert.status = CertStatus.REVOKED;
      cert.revokedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      cert.revokedReason = reason;
      cert.revokedBy = requester.ducklingId();
      written =
          certificates
              .updateRevocation(cert)
              .invoke(
                  () ->
                      LOG.infof(
                          "Certificate %s revoked by %s%s",
                          cert.certId,
                          requester.ducklingId(),
                          requester.operator() ? " (operator)" : ""));
    }
    return written.map(
        ignored ->
            new RevokeResponse(
                cert.certId.toString(), CertStatus.REVOKED, cert.revokedAt, cert.revokedReason));
  }
}
