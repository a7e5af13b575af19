package com.spaceduck.cert.qr;

import com.google.zxing.common.BitMatrix;
import com.spaceduck.cert.CertIds;
import com.spaceduck.cert.CertProblems;
import com.spaceduck.cert.CertificateRepository;
import com.spaceduck.cert.PublicLinks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * QR codes of a certificate's public verify link. Only for certificates that exist: unknown and
 * malformed ids are {@code cert_not_found}, as on verify. The code shows the link and nothing else,
 * so it is drawn for every certificate that exists; the link itself answers what the status is.
 */
@ApplicationScoped
public class QrService {

  private final CertificateRepository certificates;
  private final PublicLinks links;

  public QrService(CertificateRepository certificates, PublicLinks links) {
    this.certificates = certificates;
    this.links = links;
  }

  public Uni<String> svg(String certId) {
    return modules(certId).map(QrCodes::svg);
  }

  public Uni<byte[]> png(String certId) {
    return modules(certId).map(QrCodes::png);
  }

  private Uni<BitMatrix> modules(String certId) {
    UUID id = CertIds.parse(certId);
    if (id == null) {
      return Uni.createFrom().failure(CertProblems.certNotFound());
    }
    return certificates
        .read(id)
        .map(
            cert -> {
              if (cert == null) {
                throw CertProblems.certNotFound();
              }
              return QrCodes.encode(links.verify(cert.certId));
            });
  }
}
