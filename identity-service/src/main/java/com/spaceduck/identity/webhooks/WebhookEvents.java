package com.spaceduck.identity.webhooks;

import com.spaceduck.platform.contracts.AgentRegistered;
import com.spaceduck.platform.contracts.CertIssued;
import com.spaceduck.platform.contracts.PeckSent;
import com.spaceduck.platform.contracts.TrustElevated;
import java.util.List;

/** The event types a webhook can subscribe to. */
final class WebhookEvents {

  static final List<String> ALL =
      List.of(AgentRegistered.NAME, CertIssued.NAME, PeckSent.NAME, TrustElevated.NAME);

  private WebhookEvents() {}
}
