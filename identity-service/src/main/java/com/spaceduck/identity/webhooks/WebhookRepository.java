package com.spaceduck.identity.webhooks;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

  /** The subscription if it is the duckling's, otherwise null (another's is not there). */
  public Uni<WebhookSubscription> findOwned(UUID id, UUID ducklingId) {
    return find("id = ?1 and ducklingId = ?2", id, ducklingId).firstResult();
  }

  public Uni<List<WebhookSubscription>> listOwned(UUID ducklingId) {
    return list("ducklingId", Sort.ascending("createdAt", "id"), ducklingId);
  }

  public Uni<Long> countOwned(UUID ducklingId) {
    return count("ducklingId", ducklingId);
  }
}
