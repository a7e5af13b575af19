package com.spaceduck.cert.trust;

import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** {@code trust.elevated} → the holder's certificate moves to the new tier. */
@ApplicationScoped
public class TrustElevatedHandler implements EventHandler {

  public static final String TYPE = "trust.elevated";

  private static final Logger LOG = Logger.getLogger(TrustElevatedHandler.class);

  private final CertificateRetierer retierer;

  public TrustElevatedHandler(CertificateRetierer retierer) {
    this.retierer = retierer;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Uni<Void> handle(Event event) {
    return Elevation.from(event.data(), event.subject())
        .map(elevation -> retierer.retier(elevation, event.id()))
        .orElseGet(
            () -> {
              // Retrying cannot repair the data, so the event is dropped (and acknowledged).
              LOG.warnf("Ignoring %s event %s: no valid duckling_id or to_tier", TYPE, event.id());
              return Uni.createFrom().voidItem();
            });
  }
}
