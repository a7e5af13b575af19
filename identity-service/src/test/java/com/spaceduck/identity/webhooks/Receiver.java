package com.spaceduck.identity.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook endpoint for tests, on a random local port. The path decides the answer: {@code /ok/…}
 * 200, {@code /fail/…} 500, {@code /redirect/…} 302 to an {@code /ok} path, {@code /flaky/…} 500 to
 * a message's first attempt and 200 after, {@code /huge/…} 200 with a {@value #HUGE}-byte body
 * streamed as fast as the caller reads it (bytes written so far in {@link #hugeWritten}). Every
 * request is kept; {@code /hang/…} never answers.
 */
final class Receiver {

  record Received(String path, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  static final long HUGE = 64L * 1024 * 1024;

  final List<Received> requests = new CopyOnWriteArrayList<>();
  final AtomicLong hugeWritten = new AtomicLong();
  final CompletableFuture<Long> hugeStopped = new CompletableFuture<>();
  private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final HttpServer server;

  /**
   * Runs on a Vert.x instance of its own, like a real receiver elsewhere: the application's
   * instance stays the application's.
   */
  Receiver() throws Exception {
    vertx = Vertx.vertx();
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              Map<String, String> headers = new ConcurrentHashMap<>();
                              request
                                  .headers()
                                  .forEach(
                                      h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                              String path = request.path();
                              requests.add(new Received(path, headers, body.toString()));
                              String id = headers.getOrDefault("webhook-id", "");
                              int attempt =
                                  attemptsById
                                      .computeIfAbsent(id, k -> new AtomicInteger())
                                      .incrementAndGet();
                              var response = request.response();
                              if (path.startsWith("/fail")) {
                                response.setStatusCode(500).end("{\"error\":\"down\"}");
                              } else if (path.startsWith("/redirect")) {
                                response
                                    .setStatusCode(302)
                                    .putHeader("location", "/ok/redirected")
                                    .end();
                              } else if (path.startsWith("/hang")) {
                                // No answer: the caller's timeout ends it.
                                return;
                              } else if (path.startsWith("/huge")) {
                                response.setStatusCode(200).setChunked(true);
                                response.closeHandler(
                                    closed -> hugeStopped.complete(hugeWritten.get()));
                                stream(response);
                              } else if (path.startsWith("/flaky") && attempt == 1) {
                                response.setStatusCode(500).end("try again");
                              } else {
                                response.setStatusCode(200).end("thanks");
                              }
                            }))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  /** Writes 64 KiB chunks while the connection takes them, until {@link #HUGE} or it closes. */
  private void stream(HttpServerResponse response) {
    Buffer chunk = Buffer.buffer("x".repeat(64 * 1024));
    while (!response.writeQueueFull() && !response.closed()) {
      if (hugeWritten.get() >= HUGE) {
        response.end();
        hugeStopped.complete(hugeWritten.get());
        return;
      }
      response.write(chunk);
      hugeWritten.addAndGet(chunk.length());
    }
    if (!response.closed()) {
      response.drainHandler(drained -> stream(response));
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  List<Received> at(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  void close() {
    server.close();
    vertx.close();
  }
}
