package com.spaceduck.identity.events;

import com.spaceduck.platform.contracts.EventData;
import com.spaceduck.platform.contracts.EventType;
import com.spaceduck.platform.events.Event;
import com.spaceduck.platform.events.EventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only handler of {@code test.batch-probe} events that lets the consumer apply a read's events
 * in one transaction ({@link #batchable()}); counts the attempts at each event and can be made to
 * fail for a subject. Whether an event was applied is read from its {@code processed_events} row,
 * which commits with the handler's work.
 */
@ApplicationScoped
public class BatchProbeEvents implements EventHandler<BatchProbeEvents.BatchProbe> {

  /** The data of a {@code test.batch-probe} event. */
  public record BatchProbe(int n) implements EventData {

    public static final EventType<BatchProbe> TYPE =
        new EventType<>("test.batch-probe", 1, BatchProbe.class);

    @Override
    public EventType<BatchProbe> eventType() {
      return TYPE;
    }
  }

  private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Set<String> heldSubjects = ConcurrentHashMap.newKeySet();
  private final AtomicInteger commits = new AtomicInteger();

  @Override
  public EventType<BatchProbe> type() {
    return BatchProbe.TYPE;
  }

  @Override
  public boolean batchable() {
    return true;
  }

  @Override
  public Uni<Void> handle(Event<BatchProbe> event) {
    attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
    if (heldSubjects.contains(event.subject())) {
      return Uni.createFrom().failure(new IllegalStateException("held"));
    }
    return Uni.createFrom().voidItem();
  }

  @Override
  public void committed() {
    commits.incrementAndGet();
  }

  void hold(String subject) {
    heldSubjects.add(subject);
  }

  void release(String subject) {
    heldSubjects.remove(subject);
  }

  int attempts(UUID id) {
    AtomicInteger count = attempts.get(id);
    return count == null ? 0 : count.get();
  }

  int commits() {
    return commits.get();
  }
}
