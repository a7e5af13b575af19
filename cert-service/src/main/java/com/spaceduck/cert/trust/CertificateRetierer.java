package com.spaceduck.cert.trust;

import com.spaceduck.cert.CertificateRepository;
import com.spaceduck.cert.TierChange;
import com.spaceduck.cert.credential.CredentialIssuer;
import com.spaceduck.platform.contracts.CertIssued;
import com.spaceduck.platform.events.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves a certificate to the tier its holder was elevated to, keeping the history, and announces
 * the credential re-issued at that tier as {@code cert.issued}.
 */
@ApplicationScoped
public class CertificateRetierer {

  private static final Logger LOG = Logger.getLogger(CertificateRetierer.class);

  private final CertificateRepository certificates;
  private final CredentialIssuer credentials;
  private final Outbox outbox;
  private final Clock clock;

  public CertificateRetierer(
      CertificateRepository certificates,
      CredentialIssuer credentials,
      Outbox outbox,
      Clock clock) {
    this.certificates = certificates;
    this.credentials = credentials;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Applies the elevation within the caller's transaction (the event consumer's).
   *
   * <p>If the certificate does not exist yet (the {@code trust.elevated} overtook its {@code
   * duckling.hatched}), this fails, so the consumer retries the event later.
   *
   * <p>Tiers only rise, so an elevation to a tier the certificate already has or exceeds is one a
   * later event superseded (a retried event arriving late) and changes nothing. A revoked
   * certificate still follows its holder's tier: the tier is a fact about the holder. Every change
   * re-issues the credential with the new tier and appends {@code cert.issued} (with that tier) in
   * the same transaction, so subscribers hear of each tier the credential was issued at, exactly
   * when the change is committed. A superseded elevation re-issues nothing and announces nothing.
   */
  public Uni<Void> retier(ElevatedDuckling elevation, UUID eventId) {
    return certificates
        .lockByDuckling(elevation.ducklingId())
        .chain(
            cert -> {
              if (cert == null) {
                return Uni.createFrom()
                    .failure(
                        new CertificateNotYetIssued(
                            "No certificate yet for duckling "
                                + elevation.ducklingId()
                                + "; event "
                                + eventId
                                + " will be retried"));
              }
              if (cert.trustTier.compareTo(elevation.toTier()) >= 0) {
                LOG.infof(
                    "Certificate %s is already at %s; elevation to %s (event %s) is superseded",
                    cert.certId, cert.trustTier, elevation.toTier(), eventId);
                return Uni.createFrom().voidItem();
              }
              TierChange change =
                  TierChange.of(
                      cert.certId,
                      cert.trustTier,
                      elevation.toTier(),
                      eventId,
                      clock.instant().truncatedTo(ChronoUnit.MILLIS));
              cert.trustTier = elevation.toTier();
              LOG.infof(
                  "Certificate %s moves from %s to %s",
                  cert.certId, change.fromTier, change.toTier);
              return certificates
                  .recordTierChange(change)
                  .chain(() -> certificates.updateTrustTier(cert))
                  .chain(() -> credentials.sign(cert))
                  .chain(() -> certificates.updateCredential(cert))
                  .chain(
                      () ->
                          outbox.append(
                              cert.certId.toString(),
                              new CertIssued(cert.certId, cert.ducklingId, cert.trustTier)))
                  .replaceWithVoid();
            });
  }

  /** The certificate an event refers to is not there yet; the event is retried later. */
  static final class CertificateNotYetIssued extends RuntimeException {
    CertificateNotYetIssued(String message) {
      super(message, null, false, false);
    }
  }
}
