package com.spaceduck.identity.events;

import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.contracts.EventType;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventHandler;
import com.spaceduck.platform.events.Outbox;
import com.spaceduck.platform.sql.InTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only producer and consumer of {@code test.probe} events: appends them in a transaction that
 * may be made to fail, and counts how often each is attempted and applied.
 */
@ApplicationScoped
public class ProbeEvents implements EventHandler<ProbeEvents.Probe> {

  /** The data of a {@code test.probe} event. */
  public record Probe(int subjectLength) implements EventData {

    public static final EventType<Probe> TYPE = new EventType<>("test.probe", 1, Probe.class);

    @Override
    public EventType<Probe> eventType() {
      return TYPE;
    }
  }

  private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<UUID, AtomicInteger> applied = new ConcurrentHashMap<>();
  private final Set<String> failOnceSubjects = ConcurrentHashMap.newKeySet();
  private final Set<String> heldSubjects = ConcurrentHashMap.newKeySet();

  private final Outbox outbox;

  public ProbeEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  @InTransaction
  public Uni<Event<Probe>> append(String subject, boolean failAfterAppend) {
    return outbox
        .append(subject, new Probe(subject.length()))
        .invoke(
            event -> {
              if (failAfterAppend) {
                throw new IllegalStateException("the change failed after its event was appended");
              }
            });
  }

  @Override
  public EventType<Probe> type() {
    return Probe.TYPE;
  }

  @Override
  public Uni<Void> handle(Event<Probe> event) {
    int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
    if (heldSubjects.contains(event.subject())) {
      return Uni.createFrom().failure(new IllegalStateException("held"));
    }
    if (attempt == 1 && failOnceSubjects.contains(event.subject())) {
      return Uni.createFrom().failure(new IllegalStateException("first attempt fails"));
    }
    applied.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
    return Uni.createFrom().voidItem();
  }

  /** Makes the first attempt at events about this subject fail. */
  void failOnce(String subject) {
    failOnceSubjects.add(subject);
  }

  /** Makes every attempt at events about this subject fail until {@link #release}. */
  void hold(String subject) {
    heldSubjects.add(subject);
  }

  void release(String subject) {
    heldSubjects.remove(subject);
  }

  int applied(UUID id) {
    AtomicInteger count = applied.get(id);
    return count == null ? 0 : count.get();
  }

  int attempts(UUID id) {
    AtomicInteger count = attempts.get(id);
    return count == null ? 0 : count.get();
  }
}
