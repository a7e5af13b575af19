package com.spaceduck.identity.webhooks;

import com.spaceduck.identity.IdentityConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Sends due webhook messages. Any number of instances may run it: a run locks the messages it takes
 * ({@code FOR UPDATE SKIP LOCKED}) and pushes their next attempt past the attempt's timeout, so no
 * other run takes them meanwhile, and a run that dies leaves them to be taken again once that time
 * has passed. Every resolved address of the target is checked against {@link TargetRules} before
 * connecting, and the connection goes to the checked address; redirects are never followed (a 3xx
 * is a failed attempt). An ordered subscription's message waits until every earlier one is done.
 */
@ApplicationScoped
public class WebhookDelivery {

  private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
  private static final int EXCERPT = 1024;
  static final String DISABLED_REASON =
      "Every delivery attempt failed for %s; enable it again to resume.";

  // Each subscription with due messages gives at most its room: the per-subscription limit less
  // the attempts this instance already has in flight to it ($4, $5). So a claim cannot fill up
  // with one slow endpoint's backlog (the oldest messages) and starve the others. An ordered
  // subscription gives only its head, the pending message with the lowest sequence number.
  private static final String CLAIM =
      "with busy as (select * from unnest($4::uuid[], $5::int[]) as b(subscription_id, attempts)),"
          + " candidates as materialized (select s.id, greatest($6 - coalesce(b.attempts, 0), 0) as room,"
          + "  case when s.ordered then (select min(p.sequence) from webhook_messages p"
          + "   where p.subscription_id = s.id and p.status = 'pending') end as head"
          + "  from webhook_subscriptions s left join busy b on b.subscription_id = s.id"
          + "  where s.enabled and s.id in (select subscription_id from webhook_messages"
          + "   where status = 'pending' and next_attempt_at <= $1)),"
          + " due as (select m.id, m.next_attempt_at from candidates c cross join lateral ("
          + "  select m.id, m.next_attempt_at from webhook_messages m"
          + "  where m.subscription_id = c.id and m.status = 'pending' and m.next_attempt_at <= $1"
          + "  and (c.head is null or m.sequence = c.head)"
          + "  order by m.next_attempt_at limit c.room for update skip locked) m"
          + "  order by m.next_attempt_at limit $2)"
          + " update webhook_messages m set next_attempt_at = $3"
          + " from due, webhook_subscriptions s"
          + " where m.id = due.id and s.id = m.subscription_id"
          + " returning m.id, m.subscription_id, m.payload, m.attempts, s.url, s.secret,"
          + " s.previous_secret, s.previous_secret_expires_at";

  // One round trip for every message delivered meanwhile (group commit): the messages delivered,
  // their subscriptions no longer failing. Those subscriptions are locked in id order, as the
  // fan-out locks them, so the two never wait for each other in a circle (a deadlock).
  static final String DELIVERED =
      "with delivered as (update webhook_messages m set status = 'delivered',"
          + " attempts = m.attempts + 1, last_attempt_at = v.at, last_status = v.status,"
          + " last_response = v.body, last_error = null, delivered_at = v.at,"
          + " next_attempt_at = null"
          + " from unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::text[])"
          + "  as v(id, at, status, body)"
          + " where m.id = v.id returning m.subscription_id),"
          + " recovered as (select s.id from webhook_subscriptions s"
          + "  where s.id in (select subscription_id from delivered) and s.failing_since is not null"
          + "  order by s.id for update)"
          + " update webhook_subscriptions s set failing_since = null"
          + " from recovered r where s.id = r.id";

  /** Times a group of successes is written again after failing (a deadlock victim, say). */
  private static final int DELIVERED_RETRIES = 2;

  /** Successes written together: at most this many in one statement. */
  private static final int DELIVERED_BATCH = 500;

  private static final String FAILED =
      "update webhook_messages set attempts = attempts + 1, last_attempt_at = $2,"
          + " last_status = $3, last_response = $4, last_error = $5,"
          + " status = case when $6::timestamptz is null then 'failed' else 'pending' end,"
          + " next_attempt_at = $6 where id = $1";

  // Old values on the right-hand side: the subscription is disabled once it has failed long enough.
  private static final String SUBSCRIPTION_FAILING =
      "update webhook_subscriptions set failing_since = coalesce(failing_since, $2),"
          + " enabled = enabled and coalesce(failing_since, $2) > $3,"
          + " disabled_at = case when enabled and coalesce(failing_since, $2) <= $3"
          + "  then $2 else disabled_at end,"
          + " disabled_reason = case when enabled and coalesce(failing_since, $2) <= $3"
          + "  then $4 else disabled_reason end"
          + " where id = $1";

  private static final String BACKLOG =
      "select count(*) as pending, min(created_at) as oldest from webhook_messages"
          + " where status = 'pending'";

  private static final long WAKE_DELAY_MS = 20;

  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentLinkedQueue<Delivered> delivered = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushing = new AtomicBoolean();
  private final Map<UUID, AtomicInteger> perSubscription = new ConcurrentHashMap<>();
  private final AtomicBoolean claiming = new AtomicBoolean();
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private volatile boolean backlogged;
  private final boolean enabled;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestAgeSeconds = new AtomicLong();
  private final Pool db;
  private final Vertx vertx;
  private final Clock clock;
  private final IdentityConfig.Webhooks config;
  private final TargetRules rules;
  private final WebhookResolver resolver;
  private final HttpClient http;
  private final MeterRegistry registry;
  private final Timer latency;
  private final Counter deliveredCount;
  private final Counter failedCount;
  private final Counter givenUpCount;

  public WebhookDelivery(
      Pool db,
      Vertx vertx,
      Clock clock,
      IdentityConfig config,
      WebhookResolver resolver,
      MeterRegistry registry) {
    this.db = db;
    this.resolver = resolver;
    this.vertx = vertx;
    this.clock = clock;
    this.config = config.webhooks();
    this.enabled = this.config.workerEnabled();
    this.rules = new TargetRules(this.config.allowInsecureTargets(), this.config.maxUrlLength());
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) this.config.attemptTimeout().toMillis())
                .setMaxPoolSize(200)
                .setKeepAlive(true));
    this.registry = registry;
    this.latency =
        Timer.builder("spaceduck.webhooks.attempt.latency")
            .description("Time from connecting to a webhook endpoint to its complete answer")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.deliveredCount = registry.counter("spaceduck.webhooks.deliveries", "outcome", "delivered");
    this.failedCount = registry.counter("spaceduck.webhooks.deliveries", "outcome", "failed");
    this.givenUpCount = registry.counter("spaceduck.webhooks.deliveries", "outcome", "given_up");
    Gauge.builder("spaceduck.webhooks.backlog", backlog, AtomicLong::get)
        .description("Webhook messages waiting for a successful attempt or to be given up")
        .register(registry);
    Gauge.builder(
            "spaceduck.webhooks.oldest.pending.age.seconds", oldestAgeSeconds, AtomicLong::get)
        .description("Age of the oldest pending webhook message")
        .register(registry);
  }

  @Scheduled(
      every = "15s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = WorkerDisabled.class)
  Uni<Void> measureBacklog() {
    return db.query(BACKLOG)
        .execute()
        .invoke(
            rows -> {
              Row row = rows.iterator().next();
              backlog.set(row.getLong("pending"));
              OffsetDateTime oldest = row.getOffsetDateTime("oldest");
              oldestAgeSeconds.set(
                  oldest == null
                      ? 0
                      : Math.max(
                          0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds()));
            })
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  @Scheduled(
      every = "${spaceduck.identity.webhooks.worker-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = WorkerDisabled.class)
  void scheduled() {
    pump();
  }

  /**
   * Looks for due messages soon: new messages were written (by a transaction that commits about
   * now). At most one wake-up is pending at a time; the timer above catches whatever one misses.
   */
  public void wake() {
    if (enabled && wakePending.compareAndSet(false, true)) {
      vertx.setTimer(
          WAKE_DELAY_MS,
          t -> {
            wakePending.set(false);
            pump();
          });
    }
  }

  /**
   * Claims due messages while this instance has room for more attempts in flight, and starts them
   * without waiting for the others: a claim's slow endpoint holds up nobody but itself. A claim
   * takes from each subscription only what its share of attempts leaves room for.
   */
  void pump() {
    int room = config.concurrency() - inFlight.get();
    if (room <= 0) {
      backlogged = true;
      return;
    }
    if (!claiming.compareAndSet(false, true)) {
      backlogged = true;
      return;
    }
    backlogged = false;
    int limit = Math.min(room, config.batchSize());
    List<Map.Entry<UUID, AtomicInteger>> busy = List.copyOf(perSubscription.entrySet());
    UUID[] busySubscriptions = busy.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
    Integer[] busyAttempts = busy.stream().map(e -> e.getValue().get()).toArray(Integer[]::new);
    claim(limit, busySubscriptions, busyAttempts)
        .subscribe()
        .with(
            rows -> {
              for (Row row : rows) {
                start(row);
              }
              claiming.set(false);
              if (rows.size() == limit || backlogged) {
                pump();
              }
            },
            e -> {
              claiming.set(false);
              LOG.warnf("Webhook delivery claim failed: %s", e.toString());
            });
  }

  private void start(Row row) {
    UUID subscription = row.getUUID("subscription_id");
    inFlight.incrementAndGet();
    AtomicInteger mine = perSubscription.computeIfAbsent(subscription, k -> new AtomicInteger());
    mine.incrementAndGet();
    // The endpoint's share is taken while it has the request; writing down the outcome is the
    // database's time, not the endpoint's, and counts only against this instance's concurrency.
    AtomicBoolean released = new AtomicBoolean();
    Runnable answered =
        () -> {
          if (released.compareAndSet(false, true) && mine.decrementAndGet() <= 0) {
            perSubscription.remove(subscription, mine);
          }
        };
    attempt(row, answered)
        .onFailure()
        .invoke(e -> LOG.warnf("Webhook attempt could not be recorded: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .subscribe()
        .with(
            done -> {
              answered.run();
              inFlight.decrementAndGet();
              if (backlogged) {
                pump();
              }
            });
  }

  /**
   * Locks and leases up to {@code limit} due messages, oldest first, at most the per-subscription
   * limit less its {@code busy} attempts from each subscription.
   */
  private Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> claim(
      int limit, UUID[] busySubscriptions, Integer[] busyAttempts) {
    Instant now = clock.instant();
    Instant lease = now.plus(config.attemptTimeout()).plusSeconds(30);
    return db.preparedQuery(CLAIM)
        .execute(
            Tuple.tuple()
                .addOffsetDateTime(at(now))
                .addLong((long) limit)
                .addOffsetDateTime(at(lease))
                .addArrayOfUUID(busySubscriptions)
                .addArrayOfInteger(busyAttempts)
                .addInteger(config.perSubscriptionConcurrency()));
  }

  /** Takes the due messages (one batch) and attempts each once; the number attempted. */
  public Uni<Integer> runOnce() {
    return claim(config.batchSize(), new UUID[0], new Integer[0])
        .chain(
            rows -> {
              if (rows.size() == 0) {
                return Uni.createFrom().item(0);
              }
              return Multi.createFrom()
                  .iterable(rows)
                  .onItem()
                  // attempt() completes with null, which a Multi would drop: count something.
                  .transformToUniAndMerge(row -> attempt(row, () -> {}).replaceWith(Boolean.TRUE))
                  .collect()
                  .asList()
                  .map(List::size);
            });
  }

  /**
   * One attempt of a claimed message, recorded; {@code answered} runs once the endpoint is done.
   */
  private Uni<Void> attempt(Row row, Runnable answered) {
    UUID id = row.getUUID("id");
    UUID subscription = row.getUUID("subscription_id");
    String payload = row.getString("payload");
    int attempts = row.getInteger("attempts");
    Instant now = clock.instant();
    String signature = signatures(row, id, now.getEpochSecond(), payload, now);
    long started = System.nanoTime();
    return send(row.getString("url"), id, now.getEpochSecond(), payload, signature)
        .onFailure()
        .recoverWithItem(e -> Outcome.error(message(e)))
        .chain(
            outcome -> {
              latency.record(Duration.ofNanos(System.nanoTime() - started));
              answered.run();
              return record(id, subscription, attempts + 1, outcome);
            });
  }

  /** Sends one signed attempt now; what the endpoint answered. Used by the tester too. */
  Uni<Outcome> send(String url, UUID id, long timestamp, String payload, String signature) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (Exception e) {
      return Uni.createFrom().item(Outcome.error("The URL is not valid."));
    }
    Optional<String> refused = rules.checkUrl(url);
    if (refused.isPresent()) {
      return Uni.createFrom().item(Outcome.error("Refused target: the URL " + refused.get() + "."));
    }
    String host =
        uri.getHost().startsWith("[")
            ? uri.getHost().substring(1, uri.getHost().length() - 1)
            : uri.getHost();
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    String path =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return resolve(host)
        .chain(
            address -> {
              Optional<String> refusedAddress = rules.checkAddress(address);
              if (refusedAddress.isPresent()) {
                return Uni.createFrom()
                    .item(
                        Outcome.error(
                            "Refused target: "
                                + host
                                + " resolves to an address that "
                                + refusedAddress
                                    .get()
                                    .replace("must not point", "may not be pointed")
                                + "."));
              }
              RequestOptions options =
                  new RequestOptions()
                      .setMethod(HttpMethod.POST)
                      .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                      .setHost(host)
                      .setPort(port)
                      .setSsl(tls)
                      .setURI(path)
                      .setFollowRedirects(false)
                      .setIdleTimeout(config.attemptTimeout().toMillis())
                      .putHeader("content-type", "application/json")
                      .putHeader("user-agent", "SpaceDuck-Webhooks/1")
                      .putHeader("webhook-id", id.toString())
                      .putHeader("webhook-timestamp", Long.toString(timestamp))
                      .putHeader("webhook-signature", signature);
              long timeout = config.attemptTimeout().toMillis();
              // A timed-out attempt is cancelled: a request still waiting for a pooled
              // connection is never sent, one under way is reset. Otherwise it could still reach
              // the endpoint after the attempt was recorded as failed, beside its retry.
              AtomicBoolean timedOut = new AtomicBoolean();
              AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
              var future =
                  http.request(options)
                      .compose(
                          request -> {
                            sent.set(request);
                            if (timedOut.get()) {
                              request.reset();
                              return io.vertx.core.Future.failedFuture("attempt timed out");
                            }
                            return request.send(Buffer.buffer(payload));
                          })
                      .compose(WebhookDelivery::answer);
              return Uni.createFrom()
                  .completionStage(future.toCompletionStage())
                  .ifNoItem()
                  .after(Duration.ofMillis(timeout))
                  .failWith(
                      () -> {
                        timedOut.set(true);
                        HttpClientRequest request = sent.get();
                        if (request != null) {
                          request.reset();
                        }
                        return new IllegalStateException(
                            "No answer within " + config.attemptTimeout().toSeconds() + " s");
                      });
            });
  }

  /**
   * The status and the first {@value #EXCERPT} bytes of the answer. Reading stops there: a longer
   * answer's connection is reset rather than drained, so an endpoint streaming a huge body costs
   * neither memory nor time.
   */
  private static io.vertx.core.Future<Outcome> answer(HttpClientResponse response) {
    Promise<Outcome> outcome = Promise.promise();
    Buffer excerpt = Buffer.buffer(EXCERPT);
    int status = response.statusCode();
    response.exceptionHandler(outcome::tryFail);
    response.endHandler(end -> outcome.tryComplete(Outcome.answered(status, excerpt.toString())));
    response.handler(
        chunk -> {
          if (outcome.future().isComplete()) {
            return;
          }
          int room = EXCERPT - excerpt.length();
          excerpt.appendBuffer(chunk.length() > room ? chunk.getBuffer(0, room) : chunk);
          if (excerpt.length() >= EXCERPT) {
            outcome.tryComplete(Outcome.answered(status, excerpt.toString()));
            response.request().reset();
          }
        });
    return outcome.future();
  }

  private Uni<InetAddress> resolve(String host) {
    if (TargetRules.isLiteral(host)) {
      // An address already: nothing to look up, no worker thread needed.
      try {
        return Uni.createFrom().item(InetAddress.getByName(host));
      } catch (java.net.UnknownHostException e) {
        return Uni.createFrom().failure(e);
      }
    }
    return Uni.createFrom()
        .completionStage(
            vertx
                .<InetAddress[]>executeBlocking(() -> resolver.resolve(host), false)
                .toCompletionStage())
        .map(
            all -> {
              // Every address the name has must be allowed: the first refused one is returned.
              for (InetAddress address : all) {
                if (rules.checkAddress(address).isPresent()) {
                  return address;
                }
              }
              return all[0];
            });
  }

  private Uni<Void> record(UUID id, UUID subscription, int attempt, Outcome outcome) {
    Instant now = clock.instant();
    if (outcome.success()) {
      deliveredCount.increment();
      CompletableFuture<Void> written = new CompletableFuture<>();
      delivered.add(new Delivered(id, at(now), outcome.status(), outcome.body(), written));
      flushDelivered();
      return Uni.createFrom().completionStage(written);
    }
    List<Duration> schedule = config.retrySchedule();
    OffsetDateTime next =
        attempt <= schedule.size() ? at(now.plus(jittered(schedule.get(attempt - 1)))) : null;
    (next == null ? givenUpCount : failedCount).increment();
    Tuple failed =
        Tuple.tuple()
            .addUUID(id)
            .addOffsetDateTime(at(now))
            .addInteger(outcome.status())
            .addString(outcome.body())
            .addString(outcome.error())
            .addOffsetDateTime(next);
    return db.preparedQuery(FAILED)
        .execute(failed)
        .chain(
            () ->
                db.preparedQuery(SUBSCRIPTION_FAILING)
                    .execute(
                        Tuple.of(
                            subscription,
                            at(now),
                            at(now.minus(config.disableAfter())),
                            DISABLED_REASON.formatted(describe(config.disableAfter())))))
        .replaceWithVoid();
  }

  /**
   * Writes the successes recorded so far in one statement, unless a write is under way: those
   * arriving meanwhile go with the next one, so the database sees one round trip per batch, not per
   * message.
   */
  private void flushDelivered() {
    if (delivered.isEmpty() || !flushing.compareAndSet(false, true)) {
      return;
    }
    List<Delivered> batch = new ArrayList<>();
    Delivered next;
    while (batch.size() < DELIVERED_BATCH && (next = delivered.poll()) != null) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      flushing.set(false);
      flushDelivered();
      return;
    }
    Tuple values =
        Tuple.tuple()
            .addArrayOfUUID(batch.stream().map(Delivered::id).toArray(UUID[]::new))
            .addArrayOfOffsetDateTime(
                batch.stream().map(Delivered::at).toArray(OffsetDateTime[]::new))
            .addArrayOfInteger(batch.stream().map(Delivered::status).toArray(Integer[]::new))
            .addArrayOfString(batch.stream().map(Delivered::body).toArray(String[]::new));
    db.preparedQuery(DELIVERED)
        .execute(values)
        .onFailure()
        .retry()
        .atMost(DELIVERED_RETRIES)
        .subscribe()
        .with(
            rows -> {
              flushing.set(false);
              batch.forEach(d -> d.written().complete(null));
              flushDelivered();
            },
            e -> {
              flushing.set(false);
              batch.forEach(d -> d.written().completeExceptionally(e));
              flushDelivered();
            });
  }

  /** A success waiting to be written. */
  private record Delivered(
      UUID id, OffsetDateTime at, Integer status, String body, CompletableFuture<Void> written) {}

  /** Signatures with the current secret and, during a rotation, the previous one. */
  static String signatures(Row row, UUID id, long timestamp, String payload, Instant now) {
    String signature =
        WebhookSigner.sign(row.getString("secret"), id.toString(), timestamp, payload);
    String previous = row.getString("previous_secret");
    OffsetDateTime until = row.getOffsetDateTime("previous_secret_expires_at");
    if (previous != null && until != null && until.toInstant().isAfter(now)) {
      signature += " " + WebhookSigner.sign(previous, id.toString(), timestamp, payload);
    }
    return signature;
  }

  /** The delay with up to ±10 % jitter, so failing endpoints' retries do not all come at once. */
  private static Duration jittered(Duration delay) {
    double factor = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
    return Duration.ofMillis((long) (delay.toMillis() * factor));
  }

  private static String describe(Duration duration) {
    return duration.toHours() % 24 == 0 ? duration.toDays() + " days" : duration.toString();
  }

  private static String message(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  /** The first {@value #EXCERPT} characters of a stored text. */
  static String excerpt(String body) {
    return body.length() > EXCERPT ? body.substring(0, EXCERPT) : body;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** What one attempt came to: an answer (status and body excerpt) or an error before one. */
  record Outcome(Integer status, String body, String error) {

    static Outcome answered(int status, String body) {
      return new Outcome(status, body, status / 100 == 2 ? null : "HTTP " + status);
    }

    static Outcome error(String error) {
      return new Outcome(null, null, error);
    }

    boolean success() {
      return status != null && status / 100 == 2;
    }
  }

  /** Skips the scheduled runs where {@code webhooks.worker-enabled} is false. */
  @ApplicationScoped
  public static class WorkerDisabled implements Scheduled.SkipPredicate {

    private final boolean enabled;

    public WorkerDisabled(IdentityConfig config) {
      this.enabled = config.webhooks().workerEnabled();
    }

    @Override
    public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
      return !enabled;
    }
  }
}
