package com.spaceduck.identity.webhooks;

import com.spaceduck.platform.contracts.AgentRegistered;
import com.spaceduck.platform.contracts.CertIssued;
import com.spaceduck.platform.contracts.EventType;
import com.spaceduck.platform.contracts.PeckSent;
import com.spaceduck.platform.contracts.TrustElevated;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The events webhooks carry, each to the ducklings it concerns. */
final class WebhookEventHandlers {

  private WebhookEventHandlers() {}

  @ApplicationScoped
  static class AgentRegisteredHandler implements EventHandler<AgentRegistered> {
    private final WebhookFanout fanout;

    AgentRegisteredHandler(WebhookFanout fanout) {
      this.fanout = fanout;
    }

    @Override
    public EventType<AgentRegistered> type() {
      return AgentRegistered.TYPE;
    }

    @Override
    public Uni<Void> handle(Event<AgentRegistered> event) {
      return fanout.fanOut(event, List.of(event.data().ducklingId()));
    }
  }

  @ApplicationScoped
  static class CertIssuedHandler implements EventHandler<CertIssued> {
    private final WebhookFanout fanout;

    CertIssuedHandler(WebhookFanout fanout) {
      this.fanout = fanout;
    }

    @Override
    public EventType<CertIssued> type() {
      return CertIssued.TYPE;
    }

    @Override
    public Uni<Void> handle(Event<CertIssued> event) {
      return fanout.fanOut(event, List.of(event.data().ducklingId()));
    }
  }

  @ApplicationScoped
  static class TrustElevatedHandler implements EventHandler<TrustElevated> {
    private final WebhookFanout fanout;

    TrustElevatedHandler(WebhookFanout fanout) {
      this.fanout = fanout;
    }

    @Override
    public EventType<TrustElevated> type() {
      return TrustElevated.TYPE;
    }

    @Override
    public Uni<Void> handle(Event<TrustElevated> event) {
      return fanout.fanOut(event, List.of(event.data().ducklingId()));
    }
  }

  /** Both agents' owners hear of a peck (once, when one duckling owns both). */
  @ApplicationScoped
  static class PeckSentHandler implements EventHandler<PeckSent> {
    private final WebhookFanout fanout;

    PeckSentHandler(WebhookFanout fanout) {
      this.fanout = fanout;
    }

    @Override
    public EventType<PeckSent> type() {
      return PeckSent.TYPE;
    }

    @Override
    public Uni<Void> handle(Event<PeckSent> event) {
      return fanout.fanOut(
          event, List.of(event.data().fromDucklingId(), event.data().toDucklingId()));
    }
  }
}
