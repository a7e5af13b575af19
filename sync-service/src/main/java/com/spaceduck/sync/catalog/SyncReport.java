package com.spaceduck.sync.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a sync: what it did to each type of object. A dry run has no {@code syncId}: it
 * reports what the sync would do and changes nothing.
 */
// Read and written with the ObjectMapper directly (stored reports, idempotency hashes), so
// registered for native images beyond what Quarkus REST registers for its own use.
@RegisterForReflection(targets = {SyncReport.class, SyncReport.Counts.class})
public record SyncReport(
    @Schema(examples = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f") UUID syncId,
    @Schema(examples = "partial") SyncMode mode,
    @Schema(examples = "false") boolean dryRun,
    @Schema(examples = "2026-11-30T09:15:00Z") Instant syncedAt,
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
