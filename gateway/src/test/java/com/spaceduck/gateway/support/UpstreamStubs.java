package com.spaceduck.gateway.support;

import com.spaceduck.platform.testing.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Three small upstreams (identity, cert, sync) on loopback, started for the gateway's tests so no
 * real service is needed, plus a Redis relay the tests can cut. Each stub answers every request
 * with a JSON echo of what it received; {@code /…/slow} answers after two seconds, {@code /…/big}
 * streams a megabyte, {@code /…/close-once} closes the connection without an answer the first time
 * a path is asked for and {@code /…/close-always} every time. Each stub answers its readiness on a
 * second port, like a service's management interface, and it can be switched per stub.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

  public static final List<String> NAMES = List.of("identity", "cert", "sync");

  private static final Map<String, Boolean> READY = new ConcurrentHashMap<>();
  private static final List<String> SEEN = new CopyOnWriteArrayList<>();
  private static final Map<String, Integer> TIMES_SEEN = new ConcurrentHashMap<>();
  private static volatile TcpProxy redis;

  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    Map<String, String> config = new HashMap<>();
    for (String name : NAMES) {
      READY.put(name, true);
      // The services' decoder limit (platform-core), so long request targets reach the stub.
      HttpServerOptions options = new HttpServerOptions().setMaxInitialLineLength(65536);
      HttpServer server =
          vertx.createHttpServer(options).requestHandler(request -> answer(name, request));
      try {
        server
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("Cannot start the " + name + " stub", e);
      }
      config.put("spaceduck.gateway.upstreams." + name, "http://127.0.0.1:" + server.actualPort());
      // Readiness on a port of its own, as on the services' management interface.
      HttpServer management =
          vertx.createHttpServer().requestHandler(request -> answerReadiness(name, request));
      try {
        management
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("Cannot start the " + name + " management stub", e);
      }
      config.put(
          "spaceduck.gateway.status.readiness." + name,
          "http://127.0.0.1:" + management.actualPort() + "/q/health/ready");
    }
    config.put("spaceduck.gateway.upstreams.dead", "http://127.0.0.1:" + freePort());
    config.put("spaceduck.gateway.routes.\"/v1/dead/\"", "dead");
    redis = TcpProxy.to("127.0.0.1", 6379);
    config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + redis.port());
    config.put("spaceduck.gateway.rate-limits.key-prefix", "sdtest:" + UUID.randomUUID() + ":rl:");
    return config;
  }

  @Override
  public void stop() {
    if (redis != null) {
      redis.close();
    }
    if (vertx != null) {
      vertx.close();
    }
  }

  /** The relay between the gateway and Redis. */
  public static TcpProxy redis() {
    return redis;
  }

  /** Makes a stub's {@code /q/health/ready} (on its management port) answer 200 or 503. */
  public static void ready(String name, boolean ready) {
    READY.put(name, ready);
  }

  /** Whether any stub received a request for this path. */
  public static boolean seen(String path) {
    return SEEN.contains(path);
  }

  /** How many requests for this path the stubs received. */
  public static int timesSeen(String path) {
    return TIMES_SEEN.getOrDefault(path, 0);
  }

  private static void answerReadiness(String name, HttpServerRequest request) {
    boolean ready = request.path().equals("/q/health/ready") && READY.getOrDefault(name, true);
    request.response().setStatusCode(ready ? 200 : 503).end();
  }

  private static void answer(String name, HttpServerRequest request) {
    SEEN.add(request.path());
    int times = TIMES_SEEN.merge(request.path(), 1, Integer::sum);
    if (request.path().endsWith("/close-always")
        || (request.path().endsWith("/close-once") && times == 1)) {
      request.connection().close();
      return;
    }
    request
        .body()
        .onSuccess(
            body -> {
              if (request.path().endsWith("/slow")) {
                request.response().setStatusCode(200);
                Vertx.currentContext().owner().setTimer(2000, id -> request.response().end("late"));
                return;
              }
              if (request.path().endsWith("/big")) {
                request.response().setChunked(true).putHeader("Content-Type", "text/plain");
                Buffer kilobyte = Buffer.buffer("x".repeat(1024));
                for (int i = 0; i < 1024; i++) {
                  request.response().write(kilobyte);
                }
                request.response().end();
                return;
              }
              JsonObject headers = new JsonObject();
              request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
              JsonObject echo =
                  new JsonObject()
                      .put("upstream", name)
                      .put("method", request.method().name())
                      .put("uri", request.uri())
                      .put("headers", headers)
                      .put("body_length", body.length());
              request
                  .response()
                  .putHeader("Content-Type", "application/json")
                  .putHeader("Keep-Alive", "timeout=5")
                  .putHeader("X-Upstream", name)
                  .end(echo.encode());
            });
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
