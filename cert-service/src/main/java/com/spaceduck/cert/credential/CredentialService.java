package com.spaceduck.cert.credential;

import com.spaceduck.cert.CertIds;
import com.spaceduck.cert.CertProblems;
import com.spaceduck.cert.CertStatus;
import com.spaceduck.cert.Certificate;
import com.spaceduck.cert.CertificateRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The public credential of a certificate. It answers only what verify answers: unknown, malformed
 * and draft ids are {@code cert_not_found}, a revoked certificate is {@code cert_revoked} (whose
 * body, like verify's, names no holder or tier).
 */
@ApplicationScoped
public class CredentialService {

  private final CertificateRepository certificates;
  private final CredentialIssuer issuer;

  public CredentialService(CertificateRepository certificates, CredentialIssuer issuer) {
    this.certificates = certificates;
    this.issuer = issuer;
  }

  public Uni<CredentialResponse> credential(String certId) {
    UUID id = CertIds.parse(certId);
    if (id == null) {
      return Uni.createFrom().failure(CertProblems.certNotFound());
    }
    return certificates.readWithCredential(id).chain(this::answer);
  }

  private Uni<CredentialResponse> answer(Certificate cert) {
    if (cert == null || cert.status == CertStatus.DRAFT) {
      throw CertProblems.certNotFound();
    }
    if (cert.status == CertStatus.REVOKED) {
      throw CertProblems.certRevoked(cert);
    }
    String certId = cert.certId.toString();
    if (cert.credential != null) {
      return Uni.createFrom().item(new CredentialResponse(certId, cert.credential));
    }
    return issuer
        .ensure(cert.certId)
        .map(
            signed -> {
              if (signed == null) {
                throw CertProblems.certNotFound();
              }
              return new CredentialResponse(certId, signed);
            });
  }
}
