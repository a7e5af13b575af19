package com.spaceduck.identity.agents;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, UUID> {

  public Uni<Agent> findOwned(UUID agentId, UUID ducklingId) {
    return find("id = ?1 and ducklingId = ?2", agentId, ducklingId).firstResult();
  }

  public Uni<List<Agent>> listOwned(UUID ducklingId) {
    return find("ducklingId", Sort.descending("createdAt"), ducklingId)
        .page(Page.ofSize(100))
        .list();
  }

  public Uni<Long> countBonded(UUID ducklingId) {
    return count("ducklingId = ?1 and bondedAt is not null", ducklingId);
  }
}
