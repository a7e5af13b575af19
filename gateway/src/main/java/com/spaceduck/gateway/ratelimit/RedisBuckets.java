package com.spaceduck.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Token buckets in Redis, decided by one Lua script that runs atomically, so the limit is exact
 * however many gateways and connections share a bucket.
 *
 * <p>Decisions are batched: requests that arrive while the event loop is busy are queued, and the
 * queue goes to Redis as one {@code EVALSHA} with one key per request when the loop gets to it.
 * Under load one round trip carries dozens of decisions; when idle a batch holds one request and
 * adds no delay.
 */
final class RedisBuckets {

  /**
   * KEYS: one bucket per decision. ARGV[1]: now (µs); then per key: interval (µs), capacity, and
   * how many tokens to take at most. Per key it returns {granted, tokens_left, retry_after_µs,
   * reset_µs}: granted is 0 when not even one token is there. Keys expire once their bucket would
   * be full again.
   */
  static final String SCRIPT =
      """
      local now = tonumber(ARGV[1])
      local out = {}
      for i, key in ipairs(KEYS) do
        local interval = tonumber(ARGV[3 * i - 1])
        local capacity = tonumber(ARGV[3 * i])
        local want = tonumber(ARGV[3 * i + 1])
        local stored = redis.call('GET', key)
        local tat = now
        if stored then tat = math.max(tonumber(stored), now) end
        local available = math.floor((now - (tat - capacity * interval)) / interval)
        if available < 1 then
          out[i] = {0, 0, tat + interval - capacity * interval - now, tat - now}
        else
          local granted = math.min(want, available)
          local new_tat = tat + granted * interval
          local ttl_ms = math.floor((new_tat - now) / 1000) + 1
          redis.call('SET', key, string.format('%.0f', new_tat), 'PX', ttl_ms)
          out[i] = {granted, available - granted, 0, new_tat - now}
        end
      end
      return out
      """;

  /** What Redis granted for one decision (times in µs). */
  record Grant(long granted, long left, long retryAfterMicros, long resetMicros) {}

  /** Decisions per script call; a larger queue goes out in several calls. */
  private static final int MAX_BATCH = 256;

  private record Pending(
      String key, long interval, long capacity, long want, Promise<Grant> promise) {}

  private final Redis redis;
  private final Vertx vertx;
  private final long timeoutMillis;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private final java.util.function.LongSupplier nowMicros;
  private volatile String sha;

  RedisBuckets(
      Redis redis, Vertx vertx, long timeoutMillis, java.util.function.LongSupplier nowMicros) {
    this.redis = redis;
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
    this.nowMicros = nowMicros;
  }

  /**
   * Queues a request for up to {@code want} tokens; it fails when Redis does not answer in time.
   */
  Future<Grant> take(String key, long interval, long capacity, long want) {
    Promise<Grant> promise = Promise.promise();
    queue.add(new Pending(key, interval, capacity, want, promise));
    if (flushScheduled.compareAndSet(false, true)) {
      vertx.getOrCreateContext().runOnContext(ignored -> flush());
    }
    return promise.future();
  }

  /** Loads the script, so later calls can use EVALSHA. */
  Future<Void> load() {
    return redis
        .send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(SCRIPT))
        .map(
            response -> {
              sha = response.toString();
              return null;
            });
  }

  private void flush() {
    flushScheduled.set(false);
    if (!inFlight.compareAndSet(false, true)) {
      // The batch in flight flushes the queue when it returns.
      return;
    }
    List<Pending> batch = new ArrayList<>();
    Pending next;
    while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      inFlight.set(false);
      return;
    }
    long timer =
        vertx.setTimer(
            timeoutMillis, id -> fail(batch, new TimeoutException("Redis did not answer in time")));
    long now = nowMicros.getAsLong();
    send(batch, now, sha != null)
        .onComplete(
            result -> {
              vertx.cancelTimer(timer);
              inFlight.set(false);
              if (!queue.isEmpty() && flushScheduled.compareAndSet(false, true)) {
                vertx.getOrCreateContext().runOnContext(ignored -> flush());
              }
              if (result.failed()) {
                fail(batch, result.cause());
                return;
              }
              Response answers = result.result();
              for (int i = 0; i < batch.size(); i++) {
                Response answer = answers.get(i);
                batch
                    .get(i)
                    .promise()
                    .tryComplete(
                        new Grant(
                            answer.get(0).toLong(),
                            answer.get(1).toLong(),
                            answer.get(2).toLong(),
                            answer.get(3).toLong()));
              }
            });
  }

  private Future<Response> send(List<Pending> batch, long now, boolean bySha) {
    Request request =
        bySha ? Request.cmd(Command.EVALSHA).arg(sha) : Request.cmd(Command.EVAL).arg(SCRIPT);
    request.arg(batch.size());
    for (Pending pending : batch) {
      request.arg(pending.key());
    }
    request.arg(now);
    for (Pending pending : batch) {
      request.arg(pending.interval()).arg(pending.capacity()).arg(pending.want());
    }
    Future<Response> sent = redis.send(request);
    if (!bySha) {
      return sent;
    }
    // After a Redis restart the script cache is empty: run it in full once, then reload.
    return sent.recover(
        failure -> {
          if (String.valueOf(failure.getMessage()).startsWith("NOSCRIPT")) {
            load();
            return send(batch, now, false);
          }
          return Future.failedFuture(failure);
        });
  }

  private static void fail(List<Pending> batch, Throwable cause) {
    for (Pending pending : batch) {
      pending.promise().tryFail(cause);
    }
  }
}
