package com.spaceduck.cert.operators;

import com.spaceduck.platform.contracts.EventType;
import com.spaceduck.platform.contracts.OperatorChanged;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** {@code operator.changed} → cert-service's copy of who operates. */
@ApplicationScoped
public class OperatorChangedHandler implements EventHandler<OperatorChanged> {

  private static final Logger LOG = Logger.getLogger(OperatorChangedHandler.class);

  private final OperatorRepository operators;

  public OperatorChangedHandler(OperatorRepository operators) {
    this.operators = operators;
  }

  @Override
  public EventType<OperatorChanged> type() {
    return OperatorChanged.TYPE;
  }

  @Override
  public Uni<Void> handle(Event<OperatorChanged> event) {
    OperatorChanged change = event.data();
    if (change.ducklingId() == null || change.changedAt() == null) {
      LOG.warnf("Ignoring %s event %s: no duckling_id or changed_at", type(), event.id());
      return Uni.createFrom().voidItem();
    }
    return operators.apply(change);
  }
}
