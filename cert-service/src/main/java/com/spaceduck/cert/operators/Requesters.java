package com.spaceduck.cert.operators;

import com.spaceduck.cert.Requester;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The requester behind a request, with the operator right confirmed: the token's {@code operator}
 * group is honoured only while identity-service's latest {@code operator.changed} for the duckling
 * says it operates. A token issued before a revocation keeps the group for its lifetime; this check
 * is what takes the right away at once.
 */
@ApplicationScoped
public class Requesters {

  private final OperatorRepository operators;

  public Requesters(OperatorRepository operators) {
    this.operators = operators;
  }

  public Uni<Requester> of(SecurityIdentity identity) {
    Requester claimed = Requester.of(identity);
    if (!claimed.operator()) {
      return Uni.createFrom().item(claimed);
    }
    return operators
        .isOperator(claimed.ducklingId())
        .map(confirmed -> new Requester(claimed.ducklingId(), confirmed));
  }
}
