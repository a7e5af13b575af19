package com.spaceduck.sync.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a sync: what it did to each type of object. A dry run has no {@code syncId}: it
 * reports what the sync would do and changes nothing.
 */
// Read and written with the ObjectMapper directly (stored reports, idempotency hashes), so
// registered for native images beyond what Quarkus REST registers for its own use.
@RegisterForReflection(targets = {SyncReport.class, SyncReport.Counts.class})
public record SyncReport(
    UUID syncId,
    String mode,
    boolean dryRun,
    Instant syncedAt,
    Counts categories,
    Counts items,
    Counts modifierGroups,
    Counts modifiers) {

  /**
   * @param unchanged sent, but identical to what was stored, so not rewritten
   * @param deleted not sent in a full sync, so removed
   */
  public record Counts(int created, int updated, int unchanged, int deleted) {}
}
