package com.spaceduck.cert.issuance;

import com.spaceduck.platform.contracts.DucklingHatched;
import com.spaceduck.platform.contracts.EventType;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** {@code duckling.hatched} → a certificate (the platform consumer supplies the transaction). */
@ApplicationScoped
public class DucklingHatchedHandler implements EventHandler<DucklingHatched> {

  private static final Logger LOG = Logger.getLogger(DucklingHatchedHandler.class);

  private final CertificateIssuer issuer;

  public DucklingHatchedHandler(CertificateIssuer issuer) {
    this.issuer = issuer;
  }

  @Override
  public EventType<DucklingHatched> type() {
    return DucklingHatched.TYPE;
  }

  @Override
  public Uni<Void> handle(Event<DucklingHatched> event) {
    return Hatchling.from(event.data())
        .map(hatchling -> issuer.issue(hatchling, event.id()))
        .orElseGet(
            () -> {
              // Retrying cannot repair the data, so the event is dropped (and acknowledged).
              LOG.warnf("Ignoring %s event %s: it names no duckling", type(), event.id());
              return Uni.createFrom().voidItem();
            });
  }
}
