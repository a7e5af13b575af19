package com.spaceduck.identity.newsletter;

import com.spaceduck.platform.events.Rows;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code newsletter_subscriptions}, keyed by normalised email. */
@ApplicationScoped
public class SubscriptionRepository {

  private static final String INSERT_IF_NEW =
      "insert into newsletter_subscriptions (email, created_at) values ($1, $2)"
          + " on conflict (email) do nothing";

  private final Database database;

  public SubscriptionRepository(Database database) {
    this.database = database;
  }

  /**
   * Inserts the subscription unless its email is already subscribed (the existing row is kept as it
   * is); whether it was new.
   */
  public Uni<Boolean> insertIfNew(Subscription subscription) {
    return database
        .update(
            INSERT_IF_NEW,
            Tuple.of(subscription.email(), Rows.timestamptz(subscription.createdAt())))
        .map(count -> count > 0);
  }
}
