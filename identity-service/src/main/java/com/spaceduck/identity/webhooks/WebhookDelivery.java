package com.spaceduck.identity.webhooks;

import com.spaceduck.identity.IdentityConfig;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
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

  private static final String CLAIM =
      "with due as ("
          + " select m.id from webhook_messages m"
          + " join webhook_subscriptions s on s.id = m.subscription_id"
          + " where m.status = 'pending' and m.next_attempt_at <= $1 and s.enabled"
          + " and (not s.ordered or not exists (select 1 from webhook_messages p"
          + "  where p.subscription_id = m.subscription_id and p.status = 'pending'"
          + "  and p.sequence < m.sequence))"
          + " order by m.next_attempt_at limit $2"
          + " for update of m skip locked)"
          + " update webhook_messages m set next_attempt_at = $3"
          + " from due, webhook_subscriptions s"
          + " where m.id = due.id and s.id = m.subscription_id"
          + " returning m.id, m.subscription_id, m.payload, m.attempts, s.url, s.secret,"
          + " s.previous_secret, s.previous_secret_expires_at";

  private static final String DELIVERED =
      "update webhook_messages set status = 'delivered', attempts = attempts + 1,"
          + " last_attempt_at = $2, last_status = $3, last_response = $4, last_error = null,"
          + " delivered_at = $2, next_attempt_at = null where id = $1";

  private static final String SUBSCRIPTION_HEALTHY =
      "update webhook_subscriptions set failing_since = null"
          + " where id = $1 and failing_since is not null";

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
  Uni<Void> scheduled() {
    return runOnce()
        .onFailure()
        .invoke(e -> LOG.warnf("Webhook delivery run failed: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** Takes the due messages and attempts each once; the number attempted. */
  public Uni<Integer> runOnce() {
    Instant now = clock.instant();
    Instant lease = now.plus(config.attemptTimeout()).plusSeconds(30);
    return db.preparedQuery(CLAIM)
        .execute(Tuple.of(at(now), (long) config.batchSize(), at(lease)))
        .chain(
            rows -> {
              if (rows.size() == 0) {
                return Uni.createFrom().item(0);
              }
              return Multi.createFrom()
                  .iterable(rows)
                  .onItem()
                  // attempt() completes with null, which a Multi would drop: count something.
                  .transformToUniAndMerge(row -> attempt(row).replaceWith(Boolean.TRUE))
                  .collect()
                  .asList()
                  .map(List::size);
            });
  }

  private Uni<Void> attempt(Row row) {
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
              var future =
                  http.request(options)
                      .compose(request -> request.send(Buffer.buffer(payload)))
                      .compose(WebhookDelivery::answer);
              return Uni.createFrom()
                  .completionStage(future.toCompletionStage())
                  .ifNoItem()
                  .after(Duration.ofMillis(timeout))
                  .failWith(
                      () ->
                          new IllegalStateException(
                              "No answer within " + config.attemptTimeout().toSeconds() + " s"));
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
      registry.counter("spaceduck.webhooks.deliveries", "outcome", "delivered").increment();
      return db.preparedQuery(DELIVERED)
          .execute(Tuple.of(id, at(now), outcome.status(), outcome.body()))
          .chain(() -> db.preparedQuery(SUBSCRIPTION_HEALTHY).execute(Tuple.of(subscription)))
          .replaceWithVoid();
    }
    List<Duration> schedule = config.retrySchedule();
    OffsetDateTime next =
        attempt <= schedule.size() ? at(now.plus(jittered(schedule.get(attempt - 1)))) : null;
    registry
        .counter("spaceduck.webhooks.deliveries", "outcome", next == null ? "given_up" : "failed")
        .increment();
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
