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

  /** The SQL client's message for a command given to a pooled connection that has just died. */
  private static final String NOT_ACTIVE = "Connection is not active now";

  @Override
  public boolean unreachable(Throwable failure) {
    if (failure instanceof ClosedConnectionException) {
      return true;
    }
    if (failure.getMessage() != null && failure.getMessage().startsWith(NOT_ACTIVE)) {
      return true;
    }
    if (failure instanceof PgException pg && pg.getSqlState() != null) {
      String state = pg.getSqlState();
      return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
    }
    return false;
  }
}
