package com.spaceduck.cert.credential;

import com.spaceduck.cert.CertStatus;
import com.spaceduck.cert.Certificate;
import com.spaceduck.cert.CertificateRepository;
import com.spaceduck.cert.PublicLinks;
import com.spaceduck.cert.status.StatusListRepository;
import com.spaceduck.cert.verifier.CredentialFormat;
import com.spaceduck.cert.verify.NameMasker;
import com.spaceduck.platform.sql.InTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Signs a certificate's credential when it is issued and again when it is re-tiered, and stores it
 * with the certificate: reads never sign. The credential discloses exactly what public verify does
 * (the display name masked the same way), plus the expiry and the revocation bit's place.
 */
@ApplicationScoped
public class CredentialIssuer {

  private final CredentialKeys keys;
  private final StatusListRepository statusLists;
  private final CertificateRepository certificates;
  private final PublicLinks links;

  public CredentialIssuer(
      CredentialKeys keys,
      StatusListRepository statusLists,
      CertificateRepository certificates,
      PublicLinks links) {
    this.keys = keys;
    this.statusLists = statusLists;
    this.certificates = certificates;
    this.links = links;
  }

  /**
   * Signs (or re-signs) the credential of a certificate, giving it a revocation bit first if it has
   * none (assigned in the current transaction). Only the given object changes: the caller stores it
   * ({@link CertificateRepository#insert} or {@link CertificateRepository#updateCredential}). A
   * draft (no issued_at or expires_at) is left unsigned.
   */
  public Uni<Void> sign(Certificate cert) {
    if (cert.issuedAt == null || cert.expiresAt == null) {
      return Uni.createFrom().voidItem(); // a draft: nothing to attest yet
    }
    Uni<Void> entry =
        cert.statusList != null
            ? Uni.createFrom().voidItem()
            : statusLists
                .assign()
                .invoke(
                    assigned -> {
                      cert.statusList = assigned.listId();
                      cert.statusIndex = assigned.index();
                    })
                .replaceWithVoid();
    return entry.invoke(
        () -> {
          cert.credential = keys.sign(payload(cert), CredentialFormat.CREDENTIAL_TYPE);
          cert.credentialKid = keys.signingKeyId();
        });
  }

  /**
   * The credential of a certificate issued before credentials existed, signed on first demand and
   * stored; null for a draft or an unknown id.
   */
  @InTransaction
  public Uni<String> ensure(UUID certId) {
    return certificates
        .lockById(certId)
        .chain(
            cert -> {
              if (cert == null || cert.status == CertStatus.DRAFT) {
                return Uni.createFrom().nullItem();
              }
              if (cert.credential != null) {
                return Uni.createFrom().item(cert.credential);
              }
              return sign(cert)
                  .chain(() -> certificates.updateCredential(cert))
                  .map(written -> cert.credential);
            });
  }

  private String payload(Certificate cert) {
    String list = links.statusList(cert.statusList);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", list + "#" + cert.statusIndex);
    status.put("type", CredentialFormat.STATUS_ENTRY_TYPE);
    status.put(CredentialFormat.STATUS_PURPOSE, CredentialFormat.REVOCATION);
    status.put(CredentialFormat.STATUS_LIST_INDEX, Integer.toString(cert.statusIndex));
    status.put(CredentialFormat.STATUS_LIST_CREDENTIAL, list);
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(links.issuer());
    // No iat: the signing time would tell when the tier last changed, which verify does not say.
    claims.setExpirationTime(NumericDate.fromMilliseconds(cert.expiresAt.toEpochMilli()));
    claims.setClaim(CredentialFormat.CERT_ID, cert.certId.toString());
    claims.setClaim(CredentialFormat.DISPLAY_NAME, NameMasker.mask(cert.displayName));
    claims.setClaim(CredentialFormat.TRUST_TIER, cert.trustTier.name());
    claims.setClaim(CredentialFormat.ISSUED_AT, cert.issuedAt.toString());
    claims.setClaim(CredentialFormat.EXPIRES_AT, cert.expiresAt.toString());
    claims.setClaim(CredentialFormat.CREDENTIAL_STATUS, status);
    return claims.toJson();
  }
}
