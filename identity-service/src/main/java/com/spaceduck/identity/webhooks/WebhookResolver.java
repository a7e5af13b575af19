package com.spaceduck.identity.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a webhook target's host into its addresses, each of which {@link TargetRules} checks before
 * a delivery connects. The system resolver; a bean of its own so tests can name hosts that resolve
 * to private addresses. Blocking: called on a worker thread.
 */
@ApplicationScoped
public class WebhookResolver {

  /** Every address {@code host} resolves to. */
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return InetAddress.getAllByName(host);
  }
}
