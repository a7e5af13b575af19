package com.spaceduck.cert.view;

import com.spaceduck.cert.CertIds;
import com.spaceduck.cert.CertProblems;
import com.spaceduck.cert.CertStatus;
import com.spaceduck.cert.Certificate;
import com.spaceduck.cert.CertificateRepository;
import com.spaceduck.cert.Requester;
import com.spaceduck.cert.credential.CredentialIssuer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** A certificate for its holder (or an operator). */
@ApplicationScoped
public class ViewService {

  private final CertificateRepository certificates;
  private final CredentialIssuer credentials;
  private final Clock clock;

  public ViewService(
      CertificateRepository certificates, CredentialIssuer credentials, Clock clock) {
    this.certificates = certificates;
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * The certificate {@code certId} names, or the requester's own when it is absent or blank.
   * Someone else's certificate is {@code access_denied}, unless the requester is an operator; an id
   * that is not a UUID is {@code cert_not_found}, like one that does not exist.
   */
  public Uni<ViewResponse> view(Requester requester, String certId) {
    if (certId == null || certId.isBlank()) {
      return certificates
          .lookupByDuckling(requester.ducklingId())
          .chain(cert -> answer(requester, cert));
    }
    UUID id = CertIds.parse(certId.strip());
    if (id == null) {
      return Uni.createFrom().failure(CertProblems.certNotFound());
    }
    return certificates.readWithCredential(id).chain(cert -> answer(requester, cert));
  }

  /** A certificate issued before credentials existed gets its credential on its first view. */
  private Uni<ViewResponse> answer(Requester requester, Certificate cert) {
    if (cert == null) {
      throw CertProblems.certNotFound();
    }
    if (!requester.mayManage(cert)) {
      throw CertProblems.accessDenied();
    }
    CertStatus status = cert.statusAt(clock.instant());
    if (cert.credential != null || cert.status == CertStatus.DRAFT) {
      return Uni.createFrom().item(ViewResponse.of(cert, status, cert.credential));
    }
    return credentials.ensure(cert.certId).map(signed -> ViewResponse.of(cert, status, signed));
  }
}
