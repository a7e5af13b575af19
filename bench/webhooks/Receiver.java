import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook endpoint of bench/webhooks, in a process of its own. The first path segment decides
 * the answer: /fast/… 200 at once, /flaky/… 500 to a message's first attempt and 200 after,
 * /slow/… 200 after 2 s. Per kind it counts requests and messages answered 2xx, and keeps each
 * message's event -> first attempt latency (arrival minus the body's "timestamp", the event's
 * time; same machine, same clock). GET /stats prints them; POST /reset clears them.
 *
 *   java -cp <vert.x jars> Receiver.java PORT
 */
public class Receiver {

  private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

  static final class Kind {
    long requests;
    long delivered;
    long firstAt;
    long lastDeliveredAt;
    // Requests repeating a message's id and timestamp: the same attempt arriving twice (a retry
    // carries a new timestamp).
    long sameAttemptAgain;
    final Set<String> attempts = new HashSet<>();
    final Set<String> seen = new HashSet<>();
    final Set<String> done = new HashSet<>();
    final List<Long> latencies = new ArrayList<>();
  }

  // One event loop serves everything, so plain collections are safe.
  private static final Map<String, Kind> kinds = new HashMap<>();

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx();
    vertx
        .createHttpServer()
        .requestHandler(request -> handle(vertx, request))
        .listen(port, "127.0.0.1")
        .onSuccess(s -> System.out.println("receiver listening on " + port))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  private static void handle(Vertx vertx, HttpServerRequest request) {
    String path = request.path();
    if (path.equals("/stats")) {
      request.response().end(stats());
      return;
    }
    if (path.equals("/reset")) {
      kinds.clear();
      request.response().end("reset\n");
      return;
    }
    request.body().onSuccess(body -> {
      long now = System.currentTimeMillis();
      String name = path.length() > 1 ? path.substring(1).split("/")[0] : "root";
      Kind kind = kinds.computeIfAbsent(name, k -> new Kind());
      String id = request.getHeader("webhook-id");
      kind.requests++;
      if (kind.firstAt == 0) {
        kind.firstAt = now;
      }
      boolean first = kind.seen.add(id);
      if (!kind.attempts.add(id + "|" + request.getHeader("webhook-timestamp"))) {
        kind.sameAttemptAgain++;
      }
      if (first) {
        Matcher m = TIMESTAMP.matcher(body.toString());
        if (m.find()) {
          kind.latencies.add(now - Instant.parse(m.group(1)).toEpochMilli());
        }
      }
      if (name.equals("flaky") && first) {
        request.response().setStatusCode(500).end("try again");
      } else if (name.equals("slow")) {
        vertx.setTimer(2000, t -> {
          done(kind, id);
          request.response().end("ok");
        });
      } else {
        done(kind, id);
        request.response().end("ok");
      }
    });
  }

  private static void done(Kind kind, String id) {
    if (kind.done.add(id)) {
      kind.delivered++;
      kind.lastDeliveredAt = System.currentTimeMillis();
    }
  }

  /**
   * One line per kind: name requests delivered first_ms last_delivered_ms p50_ms p99_ms max_ms
   * same_attempt_again.
   */
  private static String stats() {
    StringBuilder out = new StringBuilder();
    kinds.forEach((name, kind) -> {
      List<Long> sorted = new ArrayList<>(kind.latencies);
      Collections.sort(sorted);
      out.append(name).append(' ').append(kind.requests).append(' ').append(kind.delivered)
          .append(' ').append(kind.firstAt).append(' ').append(kind.lastDeliveredAt)
          .append(' ').append(pct(sorted, 0.50)).append(' ').append(pct(sorted, 0.99))
          .append(' ').append(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1))
          .append(' ').append(kind.sameAttemptAgain).append('\n');
    });
    return out.toString();
  }

  private static long pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
