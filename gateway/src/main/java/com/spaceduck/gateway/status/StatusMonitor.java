package com.spaceduck.gateway.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.gateway.GatewayConfig;
import com.spaceduck.gateway.routing.RouteTable;
import com.spaceduck.gateway.routing.Upstream;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's status for {@code GET /beak/system/status}, checked in the background every {@code
 * spaceduck.gateway.status.interval}: each upstream's readiness and whether Redis answers. Serving
 * it costs nothing but writing a prepared body.
 *
 * <p>{@code operational}: every upstream ready and Redis answering. {@code outage}: no upstream
 * ready. {@code degraded}: anything in between.
 */
@Singleton
public class StatusMonitor {

  public static final String UP = "up";
  public static final String DOWN = "down";

  /** One check's result. */
  public record Snapshot(String status, Map<String, String> components, Instant checkedAt) {}

  /** Where one upstream answers its readiness. */
  private record Probe(String name, String host, int port, boolean ssl, String path) {}

  private final List<Probe> upstreams;
  private final Redis redis;
  private final Vertx vertx;
  private final Clock clock;
  private final ObjectMapper json;
  private final HttpClient client;
  private final long intervalMillis;
  private final long timeoutMillis;
  private volatile Snapshot snapshot;
  private volatile String body;
  private volatile long timer = -1;
  private final java.util.concurrent.atomic.AtomicLong started =
      new java.util.concurrent.atomic.AtomicLong();
  private long published;

  public StatusMonitor(
      RouteTable routes,
      Redis redis,
      Vertx vertx,
      Clock clock,
      ObjectMapper json,
      GatewayConfig config) {
    this.upstreams =
        routes.upstreams().stream()
            .map(Upstream::name)
            .filter(
                name -> config.status().upstreams().map(names -> names.contains(name)).orElse(true))
            .map(name -> probe(name, config.status().readiness().get(name)))
            .toList();
    this.redis = redis;
    this.vertx = vertx;
    this.clock = clock;
    this.json = json;
    this.intervalMillis = Math.max(1, config.status().interval().toMillis());
    this.timeoutMillis = Math.max(1, config.status().timeout().toMillis());
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int) timeoutMillis));
    Map<String, String> unknown = new LinkedHashMap<>();
    upstreams.forEach(upstream -> unknown.put(upstream.name(), DOWN));
    unknown.put("redis", DOWN);
    publish(new Snapshot("outage", unknown, clock.instant()));
  }

  void start(@Observes StartupEvent startup) {
    check();
    timer = vertx.setPeriodic(intervalMillis, id -> check());
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  /** The current status document, serialised. */
  public String body() {
    return body;
  }

  /** Runs one round of checks now. */
  public Future<Snapshot> check() {
    long round = started.incrementAndGet();
    List<Future<String>> checks = new ArrayList<>();
    for (Probe upstream : upstreams) {
      checks.add(ready(upstream));
    }
    Future<String> redisCheck = bounded(redis.send(Request.cmd(Command.PING)).map(pong -> UP));
    List<Future<?>> all = new ArrayList<>(checks);
    all.add(redisCheck);
    return Future.join(all)
        .transform(
            done -> {
              Map<String, String> components = new LinkedHashMap<>();
              int ready = 0;
              for (int i = 0; i < upstreams.size(); i++) {
                String state = checks.get(i).result();
                components.put(upstreams.get(i).name(), state);
                ready += UP.equals(state) ? 1 : 0;
              }
              components.put("redis", redisCheck.result());
              String status;
              if (ready == 0) {
                status = "outage";
              } else if (ready == upstreams.size() && UP.equals(redisCheck.result())) {
                status = "operational";
              } else {
                status = "degraded";
              }
              Snapshot next = new Snapshot(status, components, clock.instant());
              publishIfNewer(round, next);
              return Future.succeededFuture(next);
            });
  }

  private static Probe probe(String name, String url) {
    String key = "spaceduck.gateway.status.readiness." + name;
    if (url == null) {
      throw new ConfigurationException(
          key + " is missing: the URL of upstream '" + name + "''s readiness endpoint");
    }
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(key + ": '" + url + "' is not a URL");
    }
    boolean ssl = "https".equals(uri.getScheme());
    if (!ssl && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new ConfigurationException(key + ": '" + url + "' must be http(s)://host:port/path");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : (ssl ? 443 : 80);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new Probe(name, uri.getHost(), port, ssl, path);
  }

  private Future<String> ready(Probe upstream) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(upstream.host())
            .setPort(upstream.port())
            .setSsl(upstream.ssl())
            .setURI(upstream.path())
            .setIdleTimeout(timeoutMillis);
    return bounded(
        client
            .request(options)
            .compose(request -> request.send())
            .compose(response -> response.body().map(ignored -> response.statusCode()))
            .map(status -> status == 200 ? UP : DOWN));
  }

  /** The check's answer, or {@code down} when it fails or takes longer than the timeout. */
  private Future<String> bounded(Future<String> check) {
    Promise<String> answer = Promise.promise();
    long timer = vertx.setTimer(timeoutMillis, id -> answer.tryComplete(DOWN));
    check.onComplete(
        result -> {
          vertx.cancelTimer(timer);
          answer.tryComplete(result.succeeded() ? result.result() : DOWN);
        });
    return answer.future();
  }

  /** A slow round that started before the last published one must not overwrite it. */
  private synchronized void publishIfNewer(long round, Snapshot next) {
    if (round > published) {
      published = round;
      publish(next);
    }
  }

  private void publish(Snapshot next) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("status", next.status());
    document.put("components", next.components());
    document.put("checked_at", next.checkedAt().toString());
    try {
      body = json.writeValueAsString(document);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
    snapshot = next;
  }
}
