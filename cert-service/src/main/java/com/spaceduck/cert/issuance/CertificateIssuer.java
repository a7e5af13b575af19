package com.spaceduck.cert.issuance;

import com.spaceduck.cert.CertConfig;
import com.spaceduck.cert.CertStatus;
import com.spaceduck.cert.Certificate;
import com.spaceduck.cert.CertificateRepository;
import com.spaceduck.cert.TierChange;
import com.spaceduck.cert.credential.CredentialIssuer;
import com.spaceduck.platform.contracts.CertIssued;
import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Issues the one certificate a duckling gets when it hatches. */
@ApplicationScoped
public class CertificateIssuer {

  private static final Logger LOG = Logger.getLogger(CertificateIssuer.class);

  private final CertificateRepository certificates;
  private final Outbox outbox;
  private final CredentialIssuer credentials;
  private final CertConfig config;
  private final Clock clock;
  private final String version;

  public CertificateIssuer(
      CertificateRepository certificates,
      Outbox outbox,
      CredentialIssuer credentials,
      CertConfig config,
      Clock clock,
      @ConfigProperty(name = "quarkus.application.version") String version) {
    this.certificates = certificates;
    this.outbox = outbox;
    this.credentials = credentials;
    this.config = config;
    this.clock = clock;
    this.version = version;
  }

  /**
   * Issues an ISSUED T0 certificate and appends {@code cert.issued}, within the caller's
   * transaction (the event consumer's). A duckling that already has a certificate gets nothing new:
   * a second {@code duckling.hatched} for it is a duplicate under another event id. The unique
   * {@code duckling_id} constraint backs this up when two instances race; the loser's transaction
   * fails and its retry then finds the certificate.
   */
  public Uni<Void> issue(Hatchling hatchling, UUID eventId) {
    return certificates
        .lookupByDuckling(hatchling.ducklingId())
        .chain(
            existing -> {
              if (existing != null) {
                LOG.infof(
                    "Duckling %s already has certificate %s; event %s changes nothing",
                    hatchling.ducklingId(), existing.certId, eventId);
                return Uni.createFrom().voidItem();
              }
              return create(hatchling, eventId);
            });
  }

  private Uni<Void> create(Hatchling hatchling, UUID eventId) {
    // Millisecond precision: what the API shows is exactly what is stored and compared.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Certificate cert = new Certificate();
    cert.certId = UUID.randomUUID();
    cert.ducklingId = hatchling.ducklingId();
    cert.displayName = hatchling.displayName();
    cert.status = CertStatus.ISSUED;
    cert.trustTier = TrustTier.T0;
    cert.issuedAt = now;
    cert.expiresAt = now.plus(config.lifetime());
    cert.country = hatchling.country();
    cert.lambdaVersion = version;
    return credentials
        .sign(cert)
        .chain(() -> certificates.insert(cert))
        .chain(
            () ->
                certificates.recordTierChange(
                    TierChange.of(cert.certId, null, TrustTier.T0, eventId, now)))
        .chain(
            () ->
                outbox.append(
                    cert.certId.toString(),
                    new CertIssued(cert.certId, cert.ducklingId, cert.trustTier)))
        .invoke(
            () -> LOG.infof("Issued certificate %s to duckling %s", cert.certId, cert.ducklingId))
        .replaceWithVoid();
  }
}
