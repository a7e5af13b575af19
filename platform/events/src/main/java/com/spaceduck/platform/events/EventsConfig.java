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

  /** Approximate number of entries the stream keeps (XADD MAXLEN ~). */
  @WithDefault("1000000")
  long streamMaxLength();

  Relay relay();

  Consumer consumer();

  /** Publishes outbox rows to the stream. */
  interface Relay {

    /** Whether this instance runs the relay; several instances may, rows are locked per batch. */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for unpublished rows. */
    @WithDefault("0.5s")
    Duration interval();

    /** Rows published per batch; a full batch is followed at once by the next. */
    @WithDefault("500")
    int batchSize();

    /** How long published rows stay in the outbox table before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
  }

  /** Reads the stream for this service's {@link EventHandler}s. */
  interface Consumer {

    /** Consumer group; every service has its own, so each sees every event. */
    @WithDefault("${quarkus.application.name}")
    String group();

    /** How often the consumer polls the stream. */
    @WithDefault("0.2s")
    Duration pollInterval();

    /** Entries read per poll. */
    @WithDefault("100")
    int batchSize();

    /**
     * How long an entry may stay unacknowledged (its handler failed, or its instance died) before
     * another poll claims and retries it.
     */
    @WithDefault("30s")
    Duration claimAfter();
  }
}
