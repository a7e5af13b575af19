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
