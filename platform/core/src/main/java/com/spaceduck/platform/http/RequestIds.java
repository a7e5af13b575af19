package com.spaceduck.platform.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it is a sane token, a fresh UUID
 * otherwise. The id is echoed on the response, passed on in the request headers and put in the
 * logging MDC under {@code request_id}, so every log line of the request carries it.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "request_id";

  private static final int MAX_LENGTH = 128;

  private RequestIds() {}

  /** Assigns the id; {@link HttpConventions} calls it first thing for every request. */
  static void assign(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    String id = request.getHeader(HEADER);
    if (!acceptable(id)) {
      id = newId();
      request.headers().set(HEADER, id);
    }
    rc.response().headers().set(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  /**
   * A random version-4 UUID. Request ids only need to be unique, not unguessable, so this skips
   * {@link UUID#randomUUID()}'s SecureRandom, which costs more than the rest of a proxied request
   * at the gateway's rates.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The id of a request that has passed the filter. */
  public static String of(HttpServerRequest request) {
    return request.getHeader(HEADER);
  }

  /**
   * Accepts ids made of letters, digits and {@code -_.:}, up to 128 characters: enough for UUIDs,
   * ULIDs and trace ids, and nothing that could forge a log line or a header.
   */
  static boolean acceptable(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
