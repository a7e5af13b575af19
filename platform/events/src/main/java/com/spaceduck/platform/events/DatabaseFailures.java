package com.spaceduck.platform.events;

import com.spaceduck.platform.problem.DependencyFailure;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * PostgreSQL failures that mean the database is away rather than the request wrong: the connection
 * closed under a query, a connection-class SQLSTATE (08xxx), the server shutting down or restarting
 * (57P01-57P03), or out of connection slots (53300).
 */
@ApplicationScoped
public class DatabaseFailures implements DependencyFailure {

  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  @Override
  public boolean unreachable(Throwable failure) {
    if (failure instanceof ClosedConnectionException) {
      return true;
    }
    if (failure instanceof PgException pg && pg.getSqlState() != null) {
      String state = pg.getSqlState();
      return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
    }
    return false;
  }
}
