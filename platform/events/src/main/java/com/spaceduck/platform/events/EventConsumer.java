package com.spaceduck.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Feeds the stream's events to this service's {@link EventHandler}s through a consumer group.
 *
 * <p>Each event is applied in one transaction together with a {@code processed_events} row, then
 * acknowledged. A redelivered event finds its row and is only acknowledged. An event whose handler
 * fails stays pending and is claimed again once it has been idle for {@code claim-after}, by this
 * instance or another; the same happens to the pending events of an instance that died. A new group
 * starts at the beginning of the stream, so a service deployed later still sees the events the
 * stream retains.
 */
@ApplicationScoped
public class EventConsumer {

  private static final Logger LOG = Logger.getLogger(EventConsumer.class);

  private static final String MARK_PROCESSED =
      "insert into processed_events (consumer_group, event_id, processed_at)"
          + " values (?1, ?2, ?3) on conflict do nothing";

  private final Map<String, EventHandler> handlers = new HashMap<>();
  private final ReactiveStreamCommands<String, String, String> streams;
  private final EventCodec codec;
  private final EventsConfig config;
  private final Clock clock;
  private final String consumer;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter failures;
  private final AtomicBoolean groupReady = new AtomicBoolean();
  private final PeriodicTask task;

  public EventConsumer(
      Instance<EventHandler> handlers,
      ReactiveRedisDataSource redis,
      EventCodec codec,
      EventsConfig config,
      Clock clock,
      MeterRegistry registry,
      Vertx vertx) {
    for (EventHandler handler : handlers) {
      EventHandler previous = this.handlers.put(handler.type(), handler);
      if (previous != null) {
        throw new IllegalStateException("Two event handlers for " + handler.type());
      }
    }
    this.streams = redis.stream(String.class, String.class, String.class);
    this.codec = codec;
    this.config = config;
    this.clock = clock;
    String host = System.getenv("HOSTNAME");
    this.consumer =
        (host == null || host.isBlank() ? "instance" : host)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    this.applied = registry.counter("spaceduck.events.consumed", "outcome", "applied");
    this.duplicates = registry.counter("spaceduck.events.consumed", "outcome", "duplicate");
    this.failures = registry.counter("spaceduck.events.consumed", "outcome", "failed");
    this.task =
        new PeriodicTask(vertx, "Event consumer", config.consumer().pollInterval(), this::poll);
  }

  /** Whether this service handles any event type at all. */
  public boolean active() {
    return !handlers.isEmpty();
  }

  void start(@Observes StartupEvent startup) {
    if (active()) {
      task.start();
    }
  }

  void stop(@Observes ShutdownEvent shutdown) {
    task.stop();
  }

  /** One round: retries stale pending entries, then reads new ones. The number of entries seen. */
  public Uni<Integer> poll() {
    return ensureGroup()
        .chain(this::claimStale)
        .chain(claimed -> readNew().map(fresh -> claimed + fresh))
        // The stream may have been deleted with its groups: create the group again next time.
        .onFailure()
        .invoke(() -> groupReady.set(false));
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

  private Uni<Integer> claimStale() {
    return streams
        .xautoclaim(
            config.stream(),
            group(),
            consumer,
            config.consumer().claimAfter(),
            "0-0",
            config.consumer().batchSize())
        .chain(claimed -> processAll(claimed.getMessages()));
  }

  private Uni<Integer> readNew() {
    return streams
        .xreadgroup(
            group(),
            consumer,
            config.stream(),
            ">",
            new XReadGroupArgs().count(config.consumer().batchSize()))
        .chain(this::processAll);
  }

  private Uni<Integer> processAll(List<StreamMessage<String, String, String>> messages) {
    if (messages == null || messages.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return Multi.createFrom()
        .iterable(messages)
        .onItem()
        .transformToUniAndConcatenate(this::process)
        .collect()
        .last()
        .replaceWith(messages.size());
  }

  private Uni<Void> process(StreamMessage<String, String, String> message) {
    Event event;
    try {
      event = codec.decode(message.payload().get("event"));
    } catch (IllegalArgumentException | NullPointerException e) {
      LOG.warnf("Skipping malformed stream entry %s", message.id());
      return ack(message);
    }
    EventHandler handler = handlers.get(event.type());
    if (handler == null) {
      return ack(message);
    }
    return Panache.withTransaction(
            () ->
                markProcessed(event)
                    .chain(
                        first -> {
                          if (!first) {
                            duplicates.increment();
                            return Uni.createFrom().voidItem();
                          }
                          return handler.handle(event).invoke(() -> applied.increment());
                        }))
        .chain(() -> ack(message))
        .onFailure()
        .invoke(
            e -> {
              failures.increment();
              LOG.warnf(
                  "Event %s (%s) failed, will retry: %s", event.id(), event.type(), e.getMessage());
            })
        .onFailure()
        .recoverWithNull();
  }

  private Uni<Boolean> markProcessed(Event event) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(MARK_PROCESSED)
                    .setParameter(1, group())
                    .setParameter(2, event.id())
                    .setParameter(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  private Uni<Void> ack(StreamMessage<String, String, String> message) {
    return streams.xack(config.stream(), group(), message.id()).replaceWithVoid();
  }

  private String group() {
    return config.consumer().group();
  }
}
