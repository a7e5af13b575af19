package com.spaceduck.platform.events;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a reactive job at a fixed interval, and whenever {@link #trigger()} asks for it, on the
 * event loop: each run on a fresh duplicated context (where a transaction of the Database lives),
 * never two runs at once. A trigger during a run makes one more run follow it. Quarkus's scheduler
 * does not go below one second and cannot be woken.
 */
final class PeriodicTask {

  private static final Logger LOG = Logger.getLogger(PeriodicTask.class);

  private final Vertx vertx;
  private final String name;
  private final Duration interval;
  private final Supplier<Uni<?>> job;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicBoolean failing = new AtomicBoolean();
  private volatile long timer = -1;

  PeriodicTask(Vertx vertx, String name, Duration interval, Supplier<Uni<?>> job) {
    this.vertx = vertx;
    this.name = name;
    this.interval = interval;
    this.job = job;
  }

  void start() {
    if (timer < 0) {
      timer = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> trigger());
    }
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** Runs the job now, or right after the run in progress. */
  void trigger() {
    if (timer < 0) {
      return;
    }
    again.set(true);
    if (!running.compareAndSet(false, true)) {
      return;
    }
    again.set(false);
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(
        ignored -> {
          try {
            job.get().subscribe().with(done -> finished(null), this::finished);
          } catch (RuntimeException e) {
            finished(e);
          }
        });
  }

  private void finished(Throwable failure) {
    running.set(false);
    if (failure == null) {
      if (failing.compareAndSet(true, false)) {
        LOG.infof("%s recovered", name);
      }
      if (again.get()) {
        trigger();
      }
    } else if (failing.compareAndSet(false, true)) {
      LOG.warnf("%s is failing, will retry: %s", name, failure.getMessage());
    }
  }
}
