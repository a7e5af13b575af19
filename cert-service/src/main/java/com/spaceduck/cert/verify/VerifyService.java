package com.spaceduck.cert.verify;

import com.spaceduck.cert.CertIds;
import com.spaceduck.cert.CertProblems;
import com.spaceduck.cert.CertStatus;
import com.spaceduck.cert.Certificate;
import com.spaceduck.cert.CertificateRepository;
import com.spaceduck.cert.credential.CredentialKeys;
import com.spaceduck.cert.verifier.ForgedCredentialException;
import com.spaceduck.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Public verification, the platform's hottest read: input is checked without touching the database,
 * then one prepared primary-key SELECT straight on the reactive pool (no session, no transaction).
 * A credential is checked against the published keys first and then answered exactly like its
 * {@code cert_id}: the certificate's current status, tier and expiry come from the database, so a
 * revoked or expired credential gets the same answer as its id would.
 */
@ApplicationScoped
public class VerifyService {

  static final String VERIFY = "verify";

  private final CertificateRepository certificates;
  private final CredentialKeys keys;
  private final Clock clock;

  public VerifyService(CertificateRepository certificates, CredentialKeys keys, Clock clock) {
    this.certificates = certificates;
    this.keys = keys;
    this.clock = clock;
  }

  public Uni<VerifyResponse> verify(VerifyRequest request) {
    String certId = request.certId();
    String credential = request.credential();
    boolean byId = certId != null && !certId.isBlank();
    if (!byId && credential == null) {
      return Uni.createFrom().failure(CertProblems.missingCertId());
    }
    if (byId && credential != null) {
      return Uni.createFrom()
          .failure(CertProblems.invalidField("credential", "send cert_id or credential, not both"));
    }
    String action = request.action();
    if (action != null && !VERIFY.equals(action)) {
      return Uni.createFrom()
          .failure(CertProblems.invalidField("action", "must be \"verify\" or left out"));
    }
    UUID id;
    try {
      id = byId ? CertIds.parse(certId.strip()) : genuine(credential);
    } catch (ProblemException forged) {
      return Uni.createFrom().failure(forged);
    }
    if (id == null) {
      return Uni.createFrom().failure(CertProblems.certNotFound());
    }
    return certificates.read(id).map(this::answer);
  }

  /** The certificate a genuine credential names; a forged one is {@code invalid_credential}. */
  private UUID genuine(String credential) {
    try {
      return UUID.fromString(keys.verifier().read(credential).certId());
    } catch (ForgedCredentialException e) {
      throw CertProblems.invalidCredential();
    }
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
