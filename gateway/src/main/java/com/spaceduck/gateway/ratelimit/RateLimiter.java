package com.spaceduck.gateway.ratelimit;

import com.spaceduck.gateway.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Decides whether a request may pass: in Redis while Redis answers; otherwise by the group's fail
 * mode, a local bucket ({@code open}) or a 503 ({@code closed}). Once Redis has failed, requests
 * stop waiting on it; a probe notices its return and decisions go back to Redis by themselves.
 */
@Singleton
public class RateLimiter {

  private static final Logger LOG = Logger.getLogger(RateLimiter.class);

  /** Share of the capacity below which a decision counts as near the limit. */
  private static final double NEAR_LIMIT = 0.1;

  private record Meters(
      Counter allowed, Counter limited, Counter fallback, Counter unavailable, Counter nearLimit) {}

  private final RedisBuckets redisBuckets;
  private final LocalBuckets localBuckets = new LocalBuckets();
  private final Leases leases = new Leases();
  private final Redis redis;
  private final Vertx vertx;
  private final Clock clock;
  private final String keyPrefix;
  private final long probeMillis;
  private final long leaseTtlMicros;
  private final Map<String, Meters> meters = new HashMap<>();
  private volatile boolean redisUp = true;
  private volatile long probeTimer = -1;

  public RateLimiter(
      GatewayConfig config,
      LimitGroups groups,
      Redis redis,
      Vertx vertx,
      Clock clock,
      MeterRegistry registry) {
    this.redis = redis;
    this.vertx = vertx;
    this.clock = clock;
    this.keyPrefix = config.rateLimits().keyPrefix();
    this.probeMillis = Math.max(1, config.rateLimits().redisProbeInterval().toMillis());
    this.leaseTtlMicros = config.rateLimits().lease().ttl().toNanos() / 1000;
    this.redisBuckets =
        new RedisBuckets(
            redis,
            vertx,
            Math.max(1, config.rateLimits().redisTimeout().toMillis()),
            this::nowMicros);
    for (LimitGroup group : groups.all()) {
      String name = "spaceduck.gateway.ratelimit.decisions";
      meters.put(
          group.name(),
          new Meters(
              registry.counter(name, "group", group.name(), "outcome", "allowed"),
              registry.counter(name, "group", group.name(), "outcome", "limited"),
              registry.counter("spaceduck.gateway.ratelimit.fallback", "group", group.name()),
              registry.counter(name, "group", group.name(), "outcome", "unavailable"),
              registry.counter("spaceduck.gateway.ratelimit.near_limit", "group", group.name())));
    }
  }

  void start(@Observes StartupEvent startup) {
    redisBuckets.load().onFailure(this::redisFailed);
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (probeTimer >= 0) {
      vertx.cancelTimer(probeTimer);
    }
  }

  /** Whether decisions are being made in Redis right now. */
  public boolean redisAvailable() {
    return redisUp;
  }

  /** Draws one token from {@code bucket} of {@code group}. */
  public Future<Decision> decide(LimitGroup group, String bucket) {
    String key = keyPrefix + group.name() + ":" + bucket;
    if (!redisUp) {
      return Future.succeededFuture(count(group, fallback(group, key)));
    }
    long now = nowMicros();
    if (group.lease() > 1) {
      Decision leased = leases.take(key, now);
      if (leased != null) {
        return Future.succeededFuture(count(group, leased));
      }
    }
    return redisBuckets
        .take(key, group.intervalMicros(), group.capacity(), group.lease())
        .map(grant -> granted(key, grant, now))
        .recover(
            failure -> {
              redisFailed(failure);
              return Future.succeededFuture(fallback(group, key));
            })
        .map(decision -> count(group, decision));
  }

  private Decision granted(String key, RedisBuckets.Grant grant, long now) {
    if (grant.granted() == 0) {
      return new Decision(
          Decision.Outcome.LIMITED, 0, grant.retryAfterMicros(), grant.resetMicros());
    }
    long extra = grant.granted() - 1;
    if (extra > 0) {
      leases.add(key, extra, grant.left(), now + grant.resetMicros(), now + leaseTtlMicros, now);
    }
    return new Decision(Decision.Outcome.ALLOWED, grant.left() + extra, 0, grant.resetMicros());
  }

  private Decision fallback(LimitGroup group, String key) {
    Meters m = meters.get(group.name());
    if (group.failMode() == GatewayConfig.FailMode.CLOSED) {
      return Decision.UNAVAILABLE;
    }
    m.fallback().increment();
    return localBuckets.decide(key, nowMicros(), group.intervalMicros(), group.capacity());
  }

  private Decision count(LimitGroup group, Decision decision) {
    Meters m = meters.get(group.name());
    switch (decision.outcome()) {
      case ALLOWED -> {
        m.allowed().increment();
        if (decision.remaining() < Math.max(1, group.capacity() * NEAR_LIMIT)) {
          m.nearLimit().increment();
        }
      }
      case LIMITED -> m.limited().increment();
      case UNAVAILABLE -> m.unavailable().increment();
    }
    return decision;
  }

  private synchronized void redisFailed(Throwable failure) {
    if (!redisUp && probeTimer >= 0) {
      return;
    }
    redisUp = false;
    LOG.warnf(
        "Rate limits cannot reach Redis (%s); deciding by each group's fail mode until it returns",
        failure.getMessage());
    probeTimer = vertx.setPeriodic(probeMillis, id -> probe());
  }

  private void probe() {
    redis
        .send(Request.cmd(Command.PING))
        .compose(pong -> redisBuckets.load())
        .onSuccess(
            loaded -> {
              synchronized (this) {
                if (probeTimer >= 0) {
                  vertx.cancelTimer(probeTimer);
                  probeTimer = -1;
                }
                if (!redisUp) {
                  redisUp = true;
                  LOG.info("Rate limits reach Redis again");
                }
              }
            });
  }

  private long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
  }
}
