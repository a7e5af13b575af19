package com.spaceduck.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;

/** Asks every {@link DependencyFailure} about a failure and each of its causes. */
@ApplicationScoped
public class DependencyFailures {

  /** Deep enough for any wrapping seen in practice, and a guard against cyclic causes. */
  private static final int MAX_DEPTH = 16;

  private final List<DependencyFailure> kinds;

  @Inject
  public DependencyFailures(Instance<DependencyFailure> kinds) {
    this(kinds.stream().toList());
  }

  DependencyFailures(List<DependencyFailure> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  /** Whether the failure, or anything that caused it, says a dependency is unreachable. */
  public boolean unreachable(Throwable failure) {
    Throwable current = failure;
    for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
      for (DependencyFailure kind : kinds) {
        if (kind.unreachable(current)) {
          return true;
        }
      }
      current = current.getCause();
    }
    return false;
  }
}
