package com.spaceduck.identity.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.spaceduck.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

/** The running service's console handler blanks Beak Keys out of what it writes. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class LogRedactionInstalledTest {

  @Test
  void consoleHandlerRedactsQueryKeys() {
    List<Handler> consoles = new ArrayList<>();
    collect(LogContext.getLogContext().getLogger("").getHandlers(), consoles);
    assertFalse(consoles.isEmpty(), "no console handler found");
    for (Handler console : consoles) {
      ExtLogRecord record =
          new ExtLogRecord(
              Level.SEVERE,
              "HTTP Request to %s failed",
              ExtLogRecord.FormatStyle.PRINTF,
              getClass().getName());
      record.setParameters(new Object[] {"/beak/me?beak_key=bk_live_secretsecretsecret"});
      Filter filter = console.getFilter();
      if (filter != null) {
        filter.isLoggable(record);
      }
      assertEquals(
          "HTTP Request to /beak/me?beak_key=[REDACTED] failed", record.getFormattedMessage());
    }
  }

  private static void collect(Handler[] handlers, List<Handler> consoles) {
    for (Handler handler : handlers) {
      if (handler instanceof ConsoleHandler) {
        consoles.add(handler);
      }
      if (handler instanceof ExtHandler ext) {
        collect(ext.getHandlers(), consoles);
      }
    }
  }
}
