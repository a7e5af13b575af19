package com.spaceduck.identity.pageview;

import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Page views are high-volume and individually unimportant, so a request only appends to an
 * in-memory buffer; a timer writes the buffer in multi-row batches, and shutdown writes what is
 * left. When the buffer is full (the database is down or far behind) the endpoint answers 503 with
 * Retry-After and counts the refusal in {@code spaceduck_pageviews_rejected_total}, rather than
 * growing without bound or pretending to accept. A crash loses at most one interval's worth.
 */
@ApplicationScoped
public class PageviewService {

  private static final Logger LOG = Logger.getLogger(PageviewService.class);

  private final PageviewBuffer buffer;
  private final PageviewRepository pageviews;
  private final Clock clock;
  private final int batchSize;
  private final Counter accepted;
  private final Counter rejected;
  private final Counter written;
  private final Counter lost;
  private final AtomicBoolean flushing = new AtomicBoolean();

  public PageviewService(
      IdentityConfig config, PageviewRepository pageviews, Clock clock, MeterRegistry registry) {
    this.buffer = new PageviewBuffer(config.pageviews().bufferCapacity());
    this.pageviews = pageviews;
    this.clock = clock;
    this.batchSize = config.pageviews().batchSize();
    this.accepted = registry.counter("spaceduck.pageviews.accepted");
    this.rejected = registry.counter("spaceduck.pageviews.rejected");
    this.written = registry.counter("spaceduck.pageviews.written");
    this.lost = registry.counter("spaceduck.pageviews.lost");
    registry.gauge("spaceduck.pageviews.buffered", buffer, PageviewBuffer::size);
  }

  /** Takes a view for the next batch, or refuses with 503 when the buffer is full. */
  public void record(PageviewRequest request) {
    String referrer = request.referrer() == null ? null : request.referrer().strip();
    boolean taken =
        buffer.offer(
            new PageviewBuffer.Pageview(
                request.page().strip(),
                referrer == null || referrer.isEmpty() ? null : referrer,
                clock.instant()));
    if (!taken) {
      rejected.increment();
      throw new ProblemException(
              ErrorKind.UNAVAILABLE, "Page views are arriving faster than they can be stored.")
          .retryAfter(1);
    }
    accepted.increment();
  }

  @Scheduled(
      every = "${spaceduck.identity.pageviews.flush-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> flushPeriodically() {
    return flush();
  }

  public void flushOnShutdown(@Observes ShutdownEvent shutdown) {
    try {
      // A periodic flush may be running: let it finish, then write whatever is left.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (flushing.get() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      flush().await().atMost(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warnf("%d page views were not written at shutdown: interrupted", buffer.size());
    } catch (RuntimeException e) {
      LOG.warnf("%d page views were not written at shutdown: %s", buffer.size(), e.getMessage());
    }
  }

  /** Writes everything buffered, batch by batch. */
  public Uni<Void> flush() {
    if (!flushing.compareAndSet(false, true)) {
      return Uni.createFrom().voidItem();
    }
    return writeBatches()
        // Already logged, and the views are back in the buffer for the next run.
        .onFailure()
        .recoverWithNull()
        .onTermination()
        .invoke(() -> flushing.set(false));
  }

  private Uni<Void> writeBatches() {
    List<PageviewBuffer.Pageview> batch = buffer.drain(batchSize);
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return pageviews
        .insert(batch)
        .invoke(() -> written.increment(batch.size()))
        .onFailure()
        .invoke(
            failure -> {
              int dropped = buffer.requeue(batch);
              lost.increment(dropped);
              LOG.warnf(
                  "Could not write %d page views, kept %d for the next try: %s",
                  batch.size(), batch.size() - dropped, failure.getMessage());
            })
        .chain(this::writeBatches);
  }
}
