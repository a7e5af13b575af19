package com.spaceduck.identity.newsletter;

import com.spaceduck.identity.EmailAddresses;
import com.spaceduck.platform.events.UniqueViolations;
import io.quarkus.hibernate.reactive.panache.Panache;
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
    // Not @WithTransaction: the duplicate is only seen at commit, so the recovery wraps it.
    return Panache.withTransaction(
            () ->
                subscriptions
                    .findById(email)
                    .flatMap(
                        existing -> {
                          if (existing != null) {
                            return Uni.createFrom().voidItem();
                          }
                          Subscription subscription = new Subscription();
                          subscription.email = email;
                          subscription.createdAt = clock.instant();
                          return subscriptions.persist(subscription).replaceWithVoid();
                        }))
        // Two concurrent sign-ups of one address: the loser is subscribed all the same.
        .onFailure(UniqueViolations::is)
        .recoverWithItem((Void) null)
        .replaceWith(SUBSCRIBED);
  }
}
