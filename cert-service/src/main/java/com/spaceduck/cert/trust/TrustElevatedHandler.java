package com.spaceduck.cert.trust;

import com.spaceduck.platform.contracts.EventType;
import com.spaceduck.platform.contracts.TrustElevated;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** {@code trust.elevated} → the holder's certificate moves to the new tier. */
@ApplicationScoped
public class TrustElevatedHandler implements EventHandler<TrustElevated> {

  private static final Logger LOG = Logger.getLogger(TrustElevatedHandler.class);

  private final CertificateRetierer retierer;

  public TrustElevatedHandler(CertificateRetierer retierer) {
    this.retierer = retierer;
  }

  @Override
  public EventType<TrustElevated> type() {
    return TrustElevated.TYPE;
  }

  @Override
  public Uni<Void> handle(Event<TrustElevated> event) {
    return ElevatedDuckling.from(event.data())
        .map(elevation -> retierer.retier(elevation, event.id()))
        .orElseGet(
            () -> {
              // Retrying cannot repair the data, so the event is dropped (and acknowledged).
              LOG.warnf("Ignoring %s event %s: no duckling_id or to_tier", type(), event.id());
              return Uni.createFrom().voidItem();
            });
  }
}
