package com.spaceduck.identity.auth;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Blanks Beak Keys out of every log line (installed on the console and file handlers by {@code
 * quarkus.log.*.filter}): a request URI with {@code ?beak_key=}, as the access log or an error
 * message would print it, and any {@code bk_live_...} value. Keys are credentials; logs are read by
 * many more people than the keys' owners.
 */
@LoggingFilter(name = BeakKeyLogRedaction.NAME)
public final class BeakKeyLogRedaction implements Filter {

  public static final String NAME = "beak-key-redaction";

  private static final Pattern QUERY_KEY = Pattern.compile("(?i)(beak(?:_|%5f)key=)[^&\\s\"'#]*");
  private static final Pattern KEY = Pattern.compile("bk_(?:live|test)_[A-Za-z0-9_-]+");
  private static final String REDACTED = "[REDACTED]";

  @Override
  public boolean isLoggable(LogRecord record) {
    String message =
        record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    if (message != null && mentionsKey(message)) {
      String clean = redact(message);
      if (record instanceof ExtLogRecord ext) {
        ext.setMessage(clean, ExtLogRecord.FormatStyle.NO_FORMAT);
      } else {
        record.setMessage(clean);
      }
      record.setParameters(null);
    }
    return true;
  }

  static boolean mentionsKey(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("beak_key") || lower.contains("beak%5fkey") || lower.contains("bk_");
  }

  /** The text with query keys and key values replaced by {@value #REDACTED}. */
  public static String redact(String text) {
    String withoutQueryKeys = QUERY_KEY.matcher(text).replaceAll("$1" + REDACTED);
    return KEY.matcher(withoutQueryKeys).replaceAll(REDACTED);
  }
}
