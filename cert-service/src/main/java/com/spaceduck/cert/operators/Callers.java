package com.spaceduck.cert.operators;

import com.spaceduck.cert.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The caller behind a request, with the operator right confirmed: the token's {@code operator}
 * group is honoured only while identity-service's latest {@code operator.changed} for the duckling
 * says it operates. A token issued before a revocation keeps the group for its lifetime; this check
 * is what takes the right away at once.
 */
@ApplicationScoped
public class Callers {

  private final OperatorRepository operators;

  public Callers(OperatorRepository operators) {
    this.operators = operators;
  }

  public Uni<Caller> of(SecurityIdentity identity) {
    Caller claimed = Caller.of(identity);
    if (!claimed.operator()) {
      return Uni.createFrom().item(claimed);
    }
    return operators
        .isOperator(claimed.ducklingId())
        .map(confirmed -> new Caller(claimed.ducklingId(), confirmed));
  }
}
