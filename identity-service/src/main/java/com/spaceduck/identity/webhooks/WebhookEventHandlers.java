package com.spaceduck.identity.webhooks;

import com.spaceduck.platform.contracts.AgentRegistered;
import com.spaceduck.platform.contracts.CertIssued;
import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.contracts.EventType;
import com.spaceduck.platform.contracts.PeckSent;
import com.spaceduck.platform.contracts.TrustElevated;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The events webhooks carry, each to the ducklings it concerns. Singletons: they share a base class
 * with constructor arguments, which a client proxy could not subclass.
 */
final class WebhookEventHandlers {

  private WebhookEventHandlers() {}

  /** Fans one event type out to the subscriptions of the ducklings {@code concerned} names. */
  abstract static class FanoutHandler<T extends EventData> implements EventHandler<T> {
    private final WebhookFanout fanout;
    private final EventType<T> type;
    private final Function<T, List<UUID>> concerned;

    FanoutHandler(WebhookFanout fanout, EventType<T> type, Function<T, List<UUID>> concerned) {
      this.fanout = fanout;
      this.type = type;
      this.concerned = concerned;
    }

    @Override
    public EventType<T> type() {
      return type;
    }

    @Override
    public Uni<Void> handle(Event<T> event) {
      return fanout.fanOut(event, concerned.apply(event.data()));
    }

    /** A fan-out is one statement on webhook tables alone: a read's events share a transaction. */
    @Override
    public boolean batchable() {
      return true;
    }

    @Override
    public void committed() {
      fanout.committed();
    }
  }

  @Singleton
  static class AgentRegisteredHandler extends FanoutHandler<AgentRegistered> {
    AgentRegisteredHandler(WebhookFanout fanout) {
      super(fanout, AgentRegistered.TYPE, data -> List.of(data.ducklingId()));
    }
  }

  @Singleton
  static class CertIssuedHandler extends FanoutHandler<CertIssued> {
    CertIssuedHandler(WebhookFanout fanout) {
      super(fanout, CertIssued.TYPE, data -> List.of(data.ducklingId()));
    }
  }

  @Singleton
  static class TrustElevatedHandler extends FanoutHandler<TrustElevated> {
    TrustElevatedHandler(WebhookFanout fanout) {
      super(fanout, TrustElevated.TYPE, data -> List.of(data.ducklingId()));
    }
  }

  /** Both agents' owners hear of a peck (once, when one duckling owns both). */
  @Singleton
  static class PeckSentHandler extends FanoutHandler<PeckSent> {
    PeckSentHandler(WebhookFanout fanout) {
      super(fanout, PeckSent.TYPE, data -> List.of(data.fromDucklingId(), data.toDucklingId()));
    }
  }
}
