package com.spaceduck.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Trims the stream by age, never past what a consumer group still needs: entries older than {@code
 * spaceduck.events.stream-retention} go, unless a group has not read or acknowledged them yet. A
 * group that stops reading therefore holds the stream back (its lag gauge shows it) instead of
 * losing events; an SRE removes a group that is gone for good with {@code XGROUP DESTROY}. Runs
 * wherever the relay runs; trimming twice does no harm.
 */
@ApplicationScoped
public class StreamTrimmer {

  private static final Logger LOG = Logger.getLogger(StreamTrimmer.class);

  private final Redis redis;
  private final StreamGroups groups;
  private final EventsConfig config;
  private final Clock clock;
  private final PeriodicTask task;

  public StreamTrimmer(
      Redis redis, StreamGroups groups, EventsConfig config, Clock clock, Vertx vertx) {
    this.redis = redis;
    this.groups = groups;
    this.config = config;
    this.clock = clock;
    this.task =
        new PeriodicTask(vertx, "Stream trimming", config.relay().trimInterval(), this::trim);
  }

  void start(@Observes StartupEvent startup) {
    if (config.relay().enabled()) {
      task.start();
    }
  }

  void stop(@Observes ShutdownEvent shutdown) {
    task.stop();
  }

  /** Trims once; the id below which entries may go. */
  public Uni<String> trim() {
    return trim(config.streamRetention());
  }

  /** Trims entries older than {@code retention} that no group needs any more. */
  public Uni<String> trim(Duration retention) {
    String byAge = clock.instant().minus(retention).toEpochMilli() + "-0";
    return groups
        .of(config.stream())
        .chain(
            all ->
                Multi.createFrom()
                    .iterable(all)
                    .onItem()
                    .transformToUniAndConcatenate(
                        group -> groups.oldestNeeded(config.stream(), group))
                    .collect()
                    .in(() -> new String[] {byAge}, StreamTrimmer::keepOlder)
                    .map(cut -> cut[0]))
        .call(
            cut ->
                redis
                    .send(
                        Request.cmd(Command.XTRIM)
                            .arg(config.stream())
                            .arg("MINID")
                            .arg("~")
                            .arg(cut))
                    .invoke(
                        trimmed -> {
                          if (trimmed != null && trimmed.toLong() > 0) {
                            LOG.debugf("Trimmed %d entries below %s", trimmed.toLong(), cut);
                          }
                        }));
  }

  private static void keepOlder(String[] cut, String needed) {
    if (StreamGroups.compare(needed, cut[0]) < 0) {
      cut[0] = needed;
    }
  }
}
