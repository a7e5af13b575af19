package com.spaceduck.platform.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  private final DatabaseFailures failures = new DatabaseFailures();

  private static PgException state(String sqlState) {
    return new PgException("message", "FATAL", sqlState, "detail");
  }

  @Test
  void theDatabaseBeingAwayIsUnreachable() {
    assertTrue(failures.unreachable(ClosedConnectionException.INSTANCE));
    assertTrue(
        failures.unreachable(
            new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")));
    assertTrue(failures.unreachable(state("57P01")), "admin shutdown");
    assertTrue(failures.unreachable(state("57P03")), "cannot connect now (starting up)");
    assertTrue(failures.unreachable(state("08006")), "connection failure");
    assertTrue(failures.unreachable(state("53300")), "too many connections");
  }

  @Test
  void aWrongRequestIsNot() {
    assertFalse(failures.unreachable(state("23505")), "unique violation");
    assertFalse(failures.unreachable(state("22001")), "value too long");
    assertFalse(failures.unreachable(new IllegalStateException("bug")));
    assertFalse(failures.unreachable(new NoStackTraceThrowable("Some other failure")));
  }
}
