package com.spaceduck.identity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class DucklingRepository implements PanacheRepositoryBase<Duckling, UUID> {

  /** By normalised email, or {@code null}. */
  @WithSession
  public Uni<Duckling> findByEmail(String email) {
    return find("email", email).firstResult();
  }

  @WithSession
  public Uni<Duckling> findDuckling(UUID id) {
    return findById(id);
  }

  @WithSession
  public Uni<Boolean> emailTaken(String email) {
    return count("email", email).map(count -> count > 0);
  }
}
