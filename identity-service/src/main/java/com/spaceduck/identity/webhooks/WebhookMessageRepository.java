package com.spaceduck.identity.webhooks;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookMessageRepository implements PanacheRepositoryBase<WebhookMessage, UUID> {

  // One statement: take a sequence number from each matching subscription and write its message.
  // The subscriptions are locked in id order: events handled concurrently for the same duckling
  // then queue for its rows instead of deadlocking over them.
  private static final String FAN_OUT =
      "with matching as ("
          + " select id from webhook_subscriptions"
          + " where duckling_id in (?1, ?2) and enabled and (',' || events || ',') like ?3"
          + " order by id for update),"
          + " subs as ("
          + " update webhook_subscriptions s set next_sequence = s.next_sequence + 1"
          + " from matching where s.id = matching.id"
          + " returning s.id, s.next_sequence - 1 as seq)"
          + " insert into webhook_messages (id, subscription_id, sequence, event_id, event_type,"
          + " payload, status, attempts, next_attempt_at, created_at)"
          + " select gen_random_uuid(), id, seq, ?4, ?5, ?6, 'pending', 0, ?7, ?7 from subs"
          + " on conflict do nothing";

  /**
   * Writes one pending message of the event per enabled subscription of {@code ducklings} (one or
   * two) that wants {@code eventType}, each with its subscription's next sequence number; an event
   * already written for a subscription is not written again. Runs in the current session, so in the
   * caller's transaction. How many messages were written.
   */
  public Uni<Integer> fanOut(
      List<UUID> ducklings, UUID eventId, String eventType, String payload, Instant now) {
    UUID first = ducklings.get(0);
    UUID second = ducklings.size() > 1 ? ducklings.get(1) : first;
    return getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(FAN_OUT)
                    .setParameter(1, first)
                    .setParameter(2, second)
                    .setParameter(3, "%," + eventType + ",%")
                    .setParameter(4, eventId)
                    .setParameter(5, eventType)
                    .setParameter(6, payload)
                    .setParameter(7, now)
                    .executeUpdate());
  }

  public Uni<List<WebhookMessage>> newestFirst(UUID subscriptionId, int offset, int limit) {
    return find("subscriptionId", Sort.descending("createdAt", "sequence"), subscriptionId)
        .range(offset, offset + limit - 1)
        .list();
  }

  public Uni<WebhookMessage> findIn(UUID subscriptionId, UUID messageId) {
    return find("id = ?1 and subscriptionId = ?2", messageId, subscriptionId).firstResult();
  }

  /** Makes every message since {@code since} due again now; how many. */
  public Uni<Integer> replay(UUID subscriptionId, Instant since, Instant now) {
    return update(
        "status = 'pending', nextAttemptAt = ?3, attempts = 0 where subscriptionId = ?1"
            + " and createdAt >= ?2",
        subscriptionId,
        since,
        now);
  }
}
