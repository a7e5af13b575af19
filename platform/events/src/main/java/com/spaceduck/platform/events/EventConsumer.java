package com.spaceduck.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.sql.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Feeds the stream's events to this service's {@link EventHandler}s through a consumer group.
 *
 * <p>Reading blocks on the stream ({@code XREADGROUP ... BLOCK}), so an event is handled as soon as
 * it is published and an idle service sends one command per {@code block} period. Each event is
 * applied in one transaction together with a {@code processed_events} row, then acknowledged. The
 * entries of a read are handled concurrently, up to {@code max-in-flight} at once, each in its own
 * transaction; entries about the same subject keep their stream order. A redelivered event finds
 * its row and is only acknowledged. An event whose handler fails stays pending and is claimed again
 * once it has been idle for {@code claim-after}, by this instance or another; the same happens to
 * the pending events of an instance that died.
 *
 * <p>The group is created at the beginning of the stream, both the first time and when it has
 * disappeared (Redis lost its data, or the group was deleted): the group then reads again
 * everything the stream holds, including what relays publish again after a loss, and the {@code
 * processed_events} rows drop what was applied before.
 */
@ApplicationScoped
public class EventConsumer {

  private static final Logger LOG = Logger.getLogger(EventConsumer.class);

  private static final String MARK_PROCESSED =
      "insert into processed_events (consumer_group, event_id, processed_at)"
          + " values ($1, $2, $3) on conflict do nothing";
  private static final String DELETE_OLD_PROCESSED =
      "delete from processed_events where consumer_group = $1 and processed_at < $2";
  private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final Map<String, EventHandler<?>> handlers = new HashMap<>();
  private final ReactiveStreamCommands<String, String, String> streams;
  private final StreamGroups groups;
  private final EventCodec codec;
  private final EventsConfig config;
  private final Clock clock;
  private final Pool db;
  private final Database database;
  private final Vertx vertx;
  private final String consumer;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter failures;
  private final Counter rejected;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong lag = new AtomicLong();
  private final AtomicBoolean groupReady = new AtomicBoolean();
  private final AtomicBoolean reading = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final PeriodicTask claims;
  private volatile boolean stopped;

  public EventConsumer(
      Instance<EventHandler<?>> handlers,
      ReactiveRedisDataSource redis,
      StreamGroups groups,
      EventCodec codec,
      EventsConfig config,
      Clock clock,
      Pool db,
      Database database,
      MeterRegistry registry,
      Vertx vertx) {
    for (EventHandler<?> handler : handlers) {
      EventHandler<?> previous = this.handlers.put(handler.type().name(), handler);
      if (previous != null) {
        throw new IllegalStateException("Two event handlers for " + handler.type());
      }
    }
    this.streams = redis.stream(String.class, String.class, String.class);
    this.groups = groups;
    this.codec = codec;
    this.config = config;
    this.clock = clock;
    this.db = db;
    this.database = database;
    this.vertx = vertx;
    String host = System.getenv("HOSTNAME");
    this.consumer =
        (host == null || host.isBlank() ? "instance" : host)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    this.applied = registry.counter("spaceduck.events.consumed", "outcome", "applied");
    this.duplicates = registry.counter("spaceduck.events.consumed", "outcome", "duplicate");
    this.failures = registry.counter("spaceduck.events.consumed", "outcome", "failed");
    this.rejected = registry.counter("spaceduck.events.consumed", "outcome", "rejected");
    String group = config.consumer().group();
    Gauge.builder("spaceduck.events.consumer.pending", pending, AtomicLong::get)
        .description("Entries delivered to this group and not yet acknowledged")
        .tag("group", group)
        .register(registry);
    Gauge.builder("spaceduck.events.consumer.lag", lag, AtomicLong::get)
        .description("Entries of the stream not yet delivered to this group (-1: unknown)")
        .tag("group", group)
        .register(registry);
    this.claims =
        new PeriodicTask(
            vertx, "Event claims", config.consumer().claimInterval(), this::claimAndMeasure);
  }

  /** Whether this service handles any event type at all. */
  public boolean active() {
    return !handlers.isEmpty();
  }

  void start(@Observes StartupEvent startup) {
    if (active()) {
      claims.start();
      claims.trigger();
      readLoop();
    }
  }

  void stop(@Observes ShutdownEvent shutdown) {
    stopped = true;
    claims.stop();
  }

  /**
   * Reads, handles and reads again, each read waiting on the stream for up to {@code block}; after
   * a failure (Redis away, the group gone) it waits {@link #RETRY_DELAY} and creates the group
   * again if needed. Runs on a fresh duplicated context each round (a transaction lives in one).
   */
  private void readLoop() {
    if (stopped || !reading.compareAndSet(false, true)) {
      return;
    }
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(
        ignored ->
            ensureGroup()
                .chain(this::readNew)
                .subscribe()
                .with(
                    count -> {
                      reading.set(false);
                      if (failing.compareAndSet(true, false)) {
                        LOG.info("Event consumer recovered");
                      }
                      readLoop();
                    },
                    failure -> {
                      reading.set(false);
                      groupReady.set(false);
                      if (failing.compareAndSet(false, true)) {
                        LOG.warnf(
                            "Event consumer is failing, will retry: %s", failure.getMessage());
                      }
                      if (!stopped) {
                        vertx.setTimer(RETRY_DELAY.toMillis(), id -> readLoop());
                      }
                    }));
  }

  private Uni<Void> ensureGroup() {
    if (groupReady.get()) {
      return Uni.createFrom().voidItem();
    }
    return streams
        .xgroupCreate(config.stream(), group(), "0", new XGroupCreateArgs().mkstream())
        .onFailure(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP"))
        .recoverWithNull()
        .invoke(() -> groupReady.set(true))
        .replaceWithVoid();
  }

  private Uni<Integer> readNew() {
    return streams
        .xreadgroup(
            group(),
            consumer,
            config.stream(),
            ">",
            new XReadGroupArgs()
                .count(config.consumer().batchSize())
                .block(config.consumer().block()))
        .chain(this::processAll);
  }

  /** Retries stale pending entries and refreshes the lag gauges; the number of entries claimed. */
  public Uni<Integer> claimAndMeasure() {
    return ensureGroup()
        .chain(
            () ->
                streams.xautoclaim(
                    config.stream(),
                    group(),
                    consumer,
                    config.consumer().claimAfter(),
                    "0-0",
                    config.consumer().batchSize()))
        .chain(claimed -> processAll(claimed.getMessages()))
        .call(this::measureLag)
        .onFailure()
        .invoke(() -> groupReady.set(false));
  }

  private Uni<Void> measureLag() {
    return groups
        .of(config.stream())
        .invoke(
            all ->
                all.stream()
                    .filter(group -> group.name().equals(group()))
                    .findFirst()
                    .ifPresent(
                        group -> {
                          pending.set(group.pending());
                          lag.set(group.lag());
                        }))
        .replaceWithVoid();
  }

  /**
   * Handles a read. When every handled entry's handler is {@link EventHandler#batchable()}, they
   * are applied in one transaction ({@link #applyTogether}), and one by one if that fails.
   * Otherwise up to {@code max-in-flight} entries at once, each on a context of its own (so in its
   * own transaction), entries about the same subject one after the other in stream order. Each
   * entry is acknowledged once its transaction has committed; a failed one stays pending for a
   * retry while the others go ahead.
   */
  private Uni<Integer> processAll(List<StreamMessage<String, String, String>> messages) {
    if (messages == null || messages.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    List<Entry> entries = messages.stream().map(this::decode).toList();
    List<Prepared> together = new ArrayList<>();
    List<Entry> alone = new ArrayList<>();
    boolean batchable = true;
    for (Entry entry : entries) {
      Prepared prepared = prepare(entry);
      if (prepared == null) {
        alone.add(entry);
      } else {
        together.add(prepared);
        batchable &= prepared.handler().batchable();
      }
    }
    if (!batchable || together.size() < 2 || !config.consumer().batchTransactions()) {
      return inLanes(entries).replaceWith(messages.size());
    }
    List<Entry> fallback = together.stream().map(Prepared::entry).toList();
    return inLanes(alone)
        .chain(() -> onOwnContext(() -> applyTogether(together)))
        .onFailure()
        .recoverWithUni(
            e -> {
              LOG.debugf(
                  "A batch of %d events failed together (%s); applying them one by one",
                  together.size(), e.getMessage());
              return inLanes(fallback);
            })
        .replaceWith(messages.size());
  }

  private Uni<Void> inLanes(List<Entry> entries) {
    return Lanes.run(
        entries,
        Entry::lane,
        config.consumer().maxInFlight(),
        entry -> onOwnContext(() -> process(entry)));
  }

  /** An entry whose handler is known and whose data decoded: ready to apply. */
  private record Prepared(
      Entry entry, EventHandler<?> handler, UUID id, Supplier<Uni<Void>> apply) {}

  /** The entry ready to apply, or {@code null} for one to handle alone (skipped, rejected). */
  private Prepared prepare(Entry entry) {
    Event<JsonNode> envelope = entry.envelope();
    if (envelope == null) {
      return null;
    }
    EventHandler<?> handler = handlers.get(envelope.type());
    if (handler == null || envelope.version() != handler.type().version()) {
      return null;
    }
    try {
      return new Prepared(entry, handler, envelope.id(), typed(handler, envelope));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private <T extends EventData> Supplier<Uni<Void>> typed(
      EventHandler<T> handler, Event<JsonNode> envelope) {
    Event<T> event = codec.typed(envelope, handler.type());
    return () -> handler.handle(event);
  }

  /**
   * Applies a read's events in one transaction, in stream order: one statement records every dedup
   * row, then each event not seen before is handled; one {@code XACK} acknowledges them all once
   * committed. Fails as a whole (and so commits nothing) if any handler fails.
   */
  private Uni<Void> applyTogether(List<Prepared> batch) {
    Set<EventHandler<?>> touched = new LinkedHashSet<>();
    return database
        .inTransaction(
            () ->
                markAllProcessed(batch.stream().map(Prepared::id).toList())
                    .chain(fresh -> applyInOrder(batch, fresh, touched)))
        .chain(
            () ->
                streams.xack(
                    config.stream(),
                    group(),
                    batch.stream()
                        .map(prepared -> prepared.entry().message().id())
                        .distinct()
                        .toArray(String[]::new)))
        .invoke(() -> touched.forEach(EventHandler::committed))
        .replaceWithVoid();
  }

  private Uni<Void> applyInOrder(
      List<Prepared> batch, Set<UUID> fresh, Set<EventHandler<?>> touched) {
    return Multi.createFrom()
        .iterable(batch)
        .onItem()
        .transformToUniAndConcatenate(
            prepared -> {
              if (!fresh.remove(prepared.id())) {
                duplicates.increment();
                return Uni.createFrom().voidItem();
              }
              touched.add(prepared.handler());
              return prepared.apply().get().invoke(() -> applied.increment());
            })
        .collect()
        .last()
        .replaceWithVoid();
  }

  /** Records the dedup rows of {@code ids} in one statement; the ids not recorded before. */
  private Uni<Set<UUID>> markAllProcessed(List<UUID> ids) {
    StringBuilder sql =
        new StringBuilder(
            "with marked as (insert into processed_events (consumer_group, event_id, processed_at)"
                + " values ");
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("($1, $").append(i + 3).append(", $2)");
    }
    sql.append(" on conflict do nothing returning event_id) select event_id from marked");
    List<Object> arguments = new ArrayList<>(ids.size() + 2);
    arguments.add(group());
    arguments.add(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    arguments.addAll(ids);
    return database
        .list(sql.toString(), Tuple.from(arguments), row -> row.getUUID(0))
        .map(HashSet::new);
  }

  /** A stream entry and its envelope, or {@code null} for an entry that is not an event. */
  private record Entry(StreamMessage<String, String, String> message, Event<JsonNode> envelope) {

    String lane() {
      return envelope == null || envelope.subject() == null
          ? "entry:" + message.id()
          : "subject:" + envelope.subject();
    }
  }

  private Entry decode(StreamMessage<String, String, String> message) {
    try {
      return new Entry(message, codec.decode(message.payload().get("event")));
    } catch (IllegalArgumentException | NullPointerException e) {
      return new Entry(message, null);
    }
  }

  /** Runs {@code work} on a fresh duplicated context: its own transaction. */
  private Uni<Void> onOwnContext(Supplier<Uni<Void>> work) {
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    return Uni.createFrom()
        .emitter(
            emitter ->
                context.runOnContext(
                    ignored -> work.get().subscribe().with(emitter::complete, emitter::fail)));
  }

  private Uni<Void> process(Entry entry) {
    StreamMessage<String, String, String> message = entry.message();
    Event<JsonNode> envelope = entry.envelope();
    if (envelope == null) {
      LOG.warnf("Skipping malformed stream entry %s", message.id());
      rejected.increment();
      return ack(message);
    }
    EventHandler<?> handler = handlers.get(envelope.type());
    if (handler == null) {
      return ack(message);
    }
    if (envelope.version() != handler.type().version()) {
      LOG.warnf(
          "Skipping event %s: %s version %d, this service reads version %d",
          envelope.id(), envelope.type(), envelope.version(), handler.type().version());
      rejected.increment();
      return ack(message);
    }
    Uni<Void> handling;
    try {
      handling = apply(handler, envelope);
    } catch (IllegalArgumentException e) {
      LOG.warnf("Skipping event %s: %s", envelope.id(), e.getMessage());
      rejected.increment();
      return ack(message);
    }
    return handling
        .chain(() -> ack(message))
        .invoke(handler::committed)
        .onFailure()
        .invoke(
            e -> {
              failures.increment();
              LOG.warnf(
                  "Event %s (%s) failed, will retry: %s",
                  envelope.id(), envelope.type(), e.getMessage());
            })
        .onFailure()
        .recoverWithNull();
  }

  /** Decodes the data first (throwing for data no retry can fix), then applies it once. */
  private <T extends EventData> Uni<Void> apply(EventHandler<T> handler, Event<JsonNode> envelope) {
    Event<T> event = codec.typed(envelope, handler.type());
    return database.inTransaction(
        () ->
            markProcessed(event.id())
                .chain(
                    first -> {
                      if (!first) {
                        duplicates.increment();
                        return Uni.createFrom().voidItem();
                      }
                      return handler.handle(event).invoke(() -> applied.increment());
                    }));
  }

  private Uni<Boolean> markProcessed(UUID eventId) {
    return database
        .update(
            MARK_PROCESSED,
            Tuple.of(group(), eventId, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
        .map(inserted -> inserted == 1);
  }

  private Uni<Void> ack(StreamMessage<String, String, String> message) {
    return streams.xack(config.stream(), group(), message.id()).replaceWithVoid();
  }

  @Scheduled(every = "1h", delayed = "1m")
  Uni<Void> pruneProcessedHourly() {
    return pruneProcessed().replaceWithVoid();
  }

  /** Forgets applied event ids older than {@code processed-retention}; the number of rows gone. */
  public Uni<Integer> pruneProcessed() {
    OffsetDateTime cutoff =
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
            .minus(config.consumer().processedRetention());
    return db.preparedQuery(DELETE_OLD_PROCESSED)
        .execute(Tuple.of(group(), cutoff))
        .map(rows -> rows.rowCount())
        .onFailure()
        .invoke(e -> LOG.warnf("Could not prune processed events: %s", e.getMessage()))
        .onFailure()
        .recoverWithItem(0);
  }

  private String group() {
    return config.consumer().group();
  }
}
