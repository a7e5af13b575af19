package com.spaceduck.identity;

import com.spaceduck.identity.auth.Caller;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/**
 * Who is an operator: the ducklings in the {@code operators} table, which only an SRE fills (with
 * {@code grant_operator(...)}, audited; see the README). Registering or verifying an email grants
 * nothing. Operator endpoints read the table on every request, so a revocation takes effect at once
 * whatever tokens are out.
 */
@ApplicationScoped
public class Operators {

  public static final String GROUP = "operator";
  public static final String DUCKLING_GROUP = "duckling";

  private final OperatorRepository operators;

  public Operators(OperatorRepository operators) {
    this.operators = operators;
  }

  public Uni<Boolean> isOperator(UUID ducklingId) {
    return operators.isOperator(ducklingId);
  }

  /**
   * The {@code groups} claim of a new token. Other services (cert-service) read {@code operator}
   * from it; this service never does, it asks {@link #require}.
   */
  public Uni<Set<String>> groups(UUID ducklingId) {
    return isOperator(ducklingId)
        .map(operator -> operator ? Set.of(DUCKLING_GROUP, GROUP) : Set.of(DUCKLING_GROUP));
  }

  /**
   * Lets operator actions through only for a current operator signed in with an {@code sd_token}: a
   * Beak Key never carries operator rights, since keys of any tier live in scripts and, for
   * webhooks, in URLs. Both refusals are 403 E4002.
   */
  public Uni<Void> require(Caller caller) {
    if (caller.credential() != Caller.Credential.SD_TOKEN) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  ErrorKind.FORBIDDEN,
                  "Operator actions need an sd_token; Beak Keys are not accepted here."));
    }
    return isOperator(caller.ducklingId())
        .invoke(
            operator -> {
              if (!operator) {
                throw new ProblemException(
                    ErrorKind.FORBIDDEN, "This endpoint is for operators only.");
              }
            })
        .replaceWithVoid();
  }
}
