package com.spaceduck.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The event stream, the outbox relay and the stream consumer. */
@ConfigMapping(prefix = "spaceduck.events")
public interface EventsConfig {

  /** Redis Stream that carries every platform event. */
  @WithDefault("spaceduck:events")
  String stream();

  /**
   * How long stream entries stay at least, so a service deployed later still finds them. Older
   * entries are trimmed, but only once every consumer group has read and acknowledged them.
   */
  @WithDefault("P7D")
  Duration streamRetention();

  Relay relay();

  Consumer consumer();

  /** Publishes outbox rows to the stream. */
  interface Relay {

    /** Whether this instance runs the relay; several instances may, rows are locked per batch. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the relay runs without being woken. A committed outbox row wakes it at once
     * (PostgreSQL {@code NOTIFY}); the timer covers a lost notification and checks that the stream
     * still holds what was published.
     */
    @WithDefault("5s")
    Duration interval();

    /** Rows published per batch; a full batch is followed at once by the next. */
    @WithDefault("500")
    int batchSize();

    /** How long outbox rows are kept after they were written (and so can be published again). */
    @WithDefault("P7D")
    Duration retention();

    /** How often the stream is trimmed (see {@link EventsConfig#streamRetention()}). */
    @WithDefault("1m")
    Duration trimInterval();
  }

  /** Reads the stream for this service's {@link EventHandler}s. */
  interface Consumer {

    /** Consumer group; every service has its own, so each sees every event. */
    @WithDefault("${quarkus.application.name}")
    String group();

    /**
     * How long one read waits for new entries on the stream ({@code XREADGROUP BLOCK}); an entry
     * arriving meanwhile is delivered at once.
     */
    @WithDefault("5s")
    Duration block();

    /** Entries read at a time. */
    @WithDefault("100")
    int batchSize();

    /**
     * Entries of a read batch handled at once, each in its own transaction (and so on its own
     * database connection); entries about the same subject are still handled one after the other. 1
     * handles a batch strictly in stream order.
     */
    @WithDefault("8")
    int maxInFlight();

    /**
     * Whether a read's events whose handlers are {@link EventHandler#batchable()} share one
     * transaction (one dedup statement, one acknowledgement); off, each has its own.
     */
    @WithDefault("true")
    boolean batchTransactions();

    /**
     * How long an entry may stay unacknowledged (its handler failed, or its instance died) before
     * it is claimed and retried.
     */
    @WithDefault("30s")
    Duration claimAfter();

    /** How often stale entries are looked for, and the consumer-lag gauges refreshed. */
    @WithDefault("10s")
    Duration claimInterval();

    /**
     * How long the ids of applied events are kept for deduplication. It exceeds the outbox's and
     * the stream's retention, so anything published again is still recognised.
     */
    @WithDefault("P30D")
    Duration processedRetention();
  }
}
