package com.spaceduck.identity.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class BeakKeyLogRedactionTest {

  private static final String KEY = "bk_live_AbCdEfGhIjKlMnOpQrStUvWxYz012345";

  private final BeakKeyLogRedaction filter = new BeakKeyLogRedaction();

  @Test
  void queryKeysInLoggedUrisAreRedacted() {
    ExtLogRecord record =
        new ExtLogRecord(
            Level.INFO,
            "127.0.0.1 - - \"GET %s HTTP/1.1\" 200",
            ExtLogRecord.FormatStyle.PRINTF,
            getClass().getName());
    record.setParameters(new Object[] {"/beak/webhooks/x?a=1&beak_key=" + KEY + "&b=2"});
    assertTrue(filter.isLoggable(record));
    assertEquals(
        "127.0.0.1 - - \"GET /beak/webhooks/x?a=1&beak_key=[REDACTED]&b=2 HTTP/1.1\" 200",
        record.getFormattedMessage());
  }

  @Test
  void keysAnywhereElseAreRedacted() {
    assertEquals(
        "Authorization: Bearer [REDACTED] failed",
        BeakKeyLogRedaction.redact("Authorization: Bearer " + KEY + " failed"));
    assertEquals("/x?BEAK%5FKEY=[REDACTED]", BeakKeyLogRedaction.redact("/x?BEAK%5FKEY=anything"));
  }

  @Test
  void otherLinesAreLeftAlone() {
    ExtLogRecord record =
        new ExtLogRecord(Level.INFO, "GET /beak/me 200", ExtLogRecord.FormatStyle.NO_FORMAT, "x");
    assertTrue(filter.isLoggable(record));
    assertEquals("GET /beak/me 200", record.getFormattedMessage());
    assertFalse(BeakKeyLogRedaction.mentionsKey("GET /beak/me 200"));
  }
}
