package com.spaceduck.cert.view;

import com.spaceduck.cert.Caller;
import com.spaceduck.cert.CertIds;
import com.spaceduck.cert.CertProblems;
import com.spaceduck.cert.Certificate;
import com.spaceduck.cert.CertificateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** A certificate for its holder (or an operator). */
@ApplicationScoped
public class ViewService {

  private final CertificateRepository certificates;
  private final Clock clock;

  public ViewService(CertificateRepository certificates, Clock clock) {
    this.certificates = certificates;
    this.clock = clock;
  }

  /**
   * The certificate {@code certId} names, or the caller's own when it is absent or blank. Someone
   * else's certificate is {@code access_denied}, unless the caller is an operator; an id that is
   * not a UUID is {@code cert_not_found}, like one that does not exist.
   */
  public Uni<ViewResponse> view(Caller caller, String certId) {
    if (certId == null || certId.isBlank()) {
      return certificates.lookupByDuckling(caller.ducklingId()).map(cert -> answer(caller, cert));
    }
    UUID id = CertIds.parse(certId.strip());
    if (id == null) {
      return Uni.createFrom().failure(CertProblems.certNotFound());
    }
    return certificates.read(id).map(cert -> answer(caller, cert));
  }

  private ViewResponse answer(Caller caller, Certificate cert) {
    if (cert == null) {
      throw CertProblems.certNotFound();
    }
    if (!caller.mayManage(cert)) {
      throw CertProblems.accessDenied();
    }
    return ViewResponse.of(cert, cert.statusAt(clock.instant()));
  }
}
