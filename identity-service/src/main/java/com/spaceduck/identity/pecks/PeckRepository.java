package com.spaceduck.identity.pecks;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PeckRepository implements PanacheRepositoryBase<Peck, UUID> {

  private static final Sort NEWEST_FIRST = Sort.descending("sentAt", "id");

  /** Up to {@code limit} of an agent's pecks from {@code offset}, newest first. */
  public Uni<List<Peck>> slice(UUID agentId, PeckDirection direction, int offset, int limit) {
    String query =
        switch (direction) {
          case IN -> "toAgentId = ?1";
          case OUT -> "fromAgentId = ?1";
          case BOTH -> "toAgentId = ?1 or fromAgentId = ?1";
        };
    return find(query, NEWEST_FIRST, agentId).range(offset, offset + limit - 1).list();
  }
}
