package com.spaceduck.identity.newsletter;

import com.spaceduck.identity.EmailAddresses;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Newsletter sign-ups. Idempotent, and deliberately silent about whether an address was already on
 * the list, so the endpoint can't be used to test addresses.
 */
@ApplicationScoped
public class NewsletterService {

  static final SubscribeResponse SUBSCRIBED = new SubscribeResponse("subscribed");

  private final SubscriptionRepository subscriptions;
  private final Clock clock;

  public NewsletterService(SubscriptionRepository subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  public Uni<SubscribeResponse> subscribe(SubscribeRequest request) {
    String email = EmailAddresses.normalize(request.email());
    // One statement that skips an address already on the list, so concurrent sign-ups of one
    // address all succeed without a unique violation to recover from.
    return subscriptions
        .insertIfNew(new Subscription(email, clock.instant()))
        .replaceWith(SUBSCRIBED);
  }
}
