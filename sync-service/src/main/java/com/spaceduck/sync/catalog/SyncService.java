package com.spaceduck.sync.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spaceduck.platform.keys.SecretKeys;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.sync.DuckHubProblems;
import com.spaceduck.sync.SyncConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a sync: all of it or nothing, one sync per venue at a time (the venue's row lock), every
 * rule checked before anything is written. A dry run does all the same work, including the writes
 * that produce its counts, and rolls back.
 */
@ApplicationScoped
public class SyncService {

  private static final int MAX_IDEMPOTENCY_KEY = 255;

  private final Pool pool;
  private final CatalogRepository catalog;
  private final SyncConfig config;
  private final ObjectMapper json;
  private final Clock clock;

  public SyncService(
      Pool pool, CatalogRepository catalog, SyncConfig config, ObjectMapper json, Clock clock) {
    this.pool = pool;
    this.catalog = catalog;
    this.config = config;
    this.json = json;
    this.clock = clock;
  }

  /** What a sync answered, and whether it is the replay of an earlier answer. */
  public record Outcome(SyncReport report, boolean replayed) {}

  public Uni<Outcome> sync(
      UUID venueId, SyncRequest request, boolean dryRun, String idempotencyKey) {
    checkLimits(request);
    String key = dryRun ? null : idempotencyKey(idempotencyKey);
    String requestHash = key == null ? null : hash(request);
    return pool.withConnection(
        conn ->
            conn.begin()
                .chain(
                    tx ->
                        inTransaction(conn, venueId, request, dryRun, key, requestHash)
                            .call(outcome -> finish(tx, dryRun || outcome.replayed()))
                            .onFailure()
                            .call(() -> tx.rollback().onFailure().recoverWithNull())));
  }

  private Uni<Void> finish(Transaction tx, boolean rollback) {
    return rollback ? tx.rollback() : tx.commit();
  }

  private Uni<Outcome> inTransaction(
      SqlConnection sql,
      UUID venueId,
      SyncRequest request,
      boolean dryRun,
      String key,
      String requestHash) {
    Instant now = clock.instant();
    return catalog
        .lockVenue(sql, venueId)
        .chain(
            () ->
                catalog.purgeIdempotencyKeys(
                    sql, venueId, now.minus(config.idempotencyRetention())))
        .chain(
            () ->
                key == null
                    ? Uni.createFrom().nullItem()
                    : catalog.idempotentAnswer(sql, venueId, key))
        .chain(
            earlier -> {
              if (earlier != null) {
                return replay(earlier, requestHash);
              }
              return validate(sql, venueId, request)
                  .chain(() -> apply(sql, venueId, request, dryRun, now))
                  .call(
                      report ->
                          dryRun
                              ? Uni.createFrom().voidItem()
                              : catalog.recordSync(
                                  sql,
                                  report.syncId(),
                                  venueId,
                                  write(report),
                                  now,
                                  key,
                                  requestHash))
                  .map(report -> new Outcome(report, false));
            });
  }

  private Uni<Outcome> replay(CatalogRepository.IdempotentAnswer earlier, String requestHash) {
    if (!earlier.requestHash().equals(requestHash)) {
      return Uni.createFrom().failure(DuckHubProblems.idempotencyKeyReused());
    }
    try {
      return Uni.createFrom()
          .item(new Outcome(json.readValue(earlier.report(), SyncReport.class), true));
    } catch (JsonProcessingException e) {
      return Uni.createFrom()
          .failure(new IllegalStateException("Stored sync report is unreadable", e));
    }
  }

  /**
   * Checks every rule. References an item makes to categories or modifier groups the request does
   * not define are looked up among the stored ones in a partial sync; a full sync removes what it
   * does not send, so there they must be in the request.
   */
  private Uni<Void> validate(SqlConnection sql, UUID venueId, SyncRequest request) {
    boolean partial = request.modeOrDefault() != SyncMode.FULL;
    Set<String> categories = CatalogValidator.undefinedCategories(request);
    Set<String> groups = CatalogValidator.undefinedModifierGroups(request);
    Uni<Set<String>> storedCategories =
        partial
            ? catalog.stored(sql, "categories", venueId, categories)
            : Uni.createFrom().item(Set.of());
    return storedCategories.chain(
        knownCategories -> {
          Uni<Set<String>> storedGroups =
              partial
                  ? catalog.stored(sql, "modifier_groups", venueId, groups)
                  : Uni.createFrom().item(Set.of());
          return storedGroups.chain(
              knownGroups -> {
                List<FieldError> errors =
                    CatalogValidator.validate(request, knownCategories, knownGroups);
                if (errors.isEmpty()) {
                  return Uni.createFrom().voidItem();
                }
                String detail =
                    errors.size() >= CatalogValidator.MAX_ERRORS
                        ? "The sync has invalid fields (the first "
                            + CatalogValidator.MAX_ERRORS
                            + " are listed); nothing was applied."
                        : "The sync has invalid fields; nothing was applied.";
                return Uni.createFrom().failure(ProblemException.invalid(detail, errors));
              });
        });
  }

  private Uni<SyncReport> apply(
      SqlConnection sql, UUID venueId, SyncRequest request, boolean dryRun, Instant now) {
    boolean full = request.modeOrDefault() == SyncMode.FULL;
    List<SyncRequest.Category> categories = request.categoriesOrEmpty();
    List<SyncRequest.ModifierGroup> groups = request.modifierGroupsOrEmpty();
    List<SyncRequest.Item> items = request.itemsOrEmpty();
    CatalogRepository.Modifiers modifiers = new CatalogRepository.Modifiers(groups);
    Counter counter = new Counter();
    return catalog
        .upsertCategories(sql, venueId, categories, now)
        .invoke(u -> counter.categories = u)
        .chain(() -> catalog.upsertModifierGroups(sql, venueId, groups, now))
        .invoke(u -> counter.groups = u)
        .chain(() -> catalog.upsertModifiers(sql, venueId, modifiers, now))
        .invoke(u -> counter.modifiers = u)
        .chain(() -> catalog.upsertItems(sql, venueId, items, now))
        .invoke(u -> counter.items = u)
        .chain(
            () ->
                full
                    ? catalog
                        .deleteItemsNotIn(
                            sql,
                            venueId,
                            ids(items.stream().map(SyncRequest.Item::externalId)),
                            now)
                        .invoke(n -> counter.itemsDeleted = n)
                        .chain(() -> catalog.deleteModifiersNotIn(sql, venueId, modifiers, now))
                        .invoke(n -> counter.modifiersDeleted = n)
                        .chain(
                            () ->
                                catalog.deleteModifierGroupsNotIn(
                                    sql,
                                    venueId,
                                    ids(groups.stream().map(SyncRequest.ModifierGroup::externalId)),
                                    now))
                        .invoke(n -> counter.groupsDeleted = n)
                        .chain(
                            () ->
                                catalog.deleteCategoriesNotIn(
                                    sql,
                                    venueId,
                                    ids(categories.stream().map(SyncRequest.Category::externalId)),
                                    now))
                        .invoke(n -> counter.categoriesDeleted = n)
                        .replaceWithVoid()
                    : Uni.createFrom().voidItem())
        .map(
            ignored ->
                new SyncReport(
                    dryRun ? null : UUID.randomUUID(),
                    request.modeOrDefault(),
                    dryRun,
                    now,
                    counts(counter.categories, categories.size(), counter.categoriesDeleted),
                    counts(counter.items, items.size(), counter.itemsDeleted),
                    counts(counter.groups, groups.size(), counter.groupsDeleted),
                    counts(counter.modifiers, modifiers.size(), counter.modifiersDeleted)));
  }

  private static SyncReport.Counts counts(
      CatalogRepository.Upserted upserted, int sent, int deleted) {
    return new SyncReport.Counts(
        upserted.created(),
        upserted.updated(),
        sent - upserted.created() - upserted.updated(),
        deleted);
  }

  private static String[] ids(java.util.stream.Stream<String> ids) {
    return ids.toArray(String[]::new);
  }

  private void checkLimits(SyncRequest request) {
    SyncConfig.Limits limits = config.limits();
    limit("categories", request.categoriesOrEmpty().size(), limits.categories());
    limit("items", request.itemsOrEmpty().size(), limits.items());
    limit("modifierGroups", request.modifierGroupsOrEmpty().size(), limits.modifierGroups());
    int modifiers = 0;
    for (SyncRequest.ModifierGroup group : request.modifierGroupsOrEmpty()) {
      modifiers += group == null ? 0 : group.modifiersOrEmpty().size();
    }
    limit("modifiers", modifiers, limits.modifiers());
  }

  private static void limit(String field, int count, int limit) {
    if (count > limit) {
      throw DuckHubProblems.tooManyObjects(field, limit);
    }
  }

  /** The key, or null when absent; printable ASCII of at most 255 characters. */
  private static String idempotencyKey(String key) {
    if (key == null) {
      return null;
    }
    boolean ok = !key.isEmpty() && key.length() <= MAX_IDEMPOTENCY_KEY;
    for (int i = 0; ok && i < key.length(); i++) {
      char c = key.charAt(i);
      ok = c > 0x20 && c < 0x7f;
    }
    if (!ok) {
      throw ProblemException.invalid(
          "The Idempotency-Key header is invalid.",
          List.of(
              new FieldError(
                  "Idempotency-Key",
                  "must be 1 to " + MAX_IDEMPOTENCY_KEY + " printable ASCII characters")));
    }
    return key;
  }

  /** The request as parsed, re-serialised: whitespace and key order do not make another body. */
  private String hash(SyncRequest request) {
    try {
      return SecretKeys.hash(json.writeValueAsString(request));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(SyncReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What each statement reported, gathered for the answer. */
  private static final class Counter {
    CatalogRepository.Upserted categories;
    CatalogRepository.Upserted groups;
    CatalogRepository.Upserted modifiers;
    CatalogRepository.Upserted items;
    int categoriesDeleted;
    int groupsDeleted;
    int modifiersDeleted;
    int itemsDeleted;
  }
}
