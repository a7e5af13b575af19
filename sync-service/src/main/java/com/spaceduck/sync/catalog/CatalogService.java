package com.spaceduck.sync.catalog;

import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.sync.DuckHubProblems;
import com.spaceduck.sync.Ids;
import com.spaceduck.sync.SyncConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Reading what syncs stored: the catalog page by page, and past reports. */
@ApplicationScoped
public class CatalogService {

  private final CatalogRepository catalog;
  private final SyncConfig config;

  public CatalogService(CatalogRepository catalog, SyncConfig config) {
    this.catalog = catalog;
    this.config = config;
  }

  public Uni<String> report(UUID venueId, String syncId) {
    UUID id = Ids.parse(syncId);
    if (id == null) {
      return Uni.createFrom().failure(DuckHubProblems.syncNotFound());
    }
    return catalog.report(venueId, id).onItem().ifNull().failWith(DuckHubProblems::syncNotFound);
  }

  public Uni<CatalogPage> page(UUID venueId, Integer limit, String cursor) {
    int max = config.catalog().maxPageSize();
    int size = limit == null ? config.catalog().pageSize() : limit;
    if (size < 1 || size > max) {
      return Uni.createFrom().failure(invalid("limit", "must be between 1 and " + max));
    }
    String after = cursor == null ? null : decode(cursor);
    Uni<List<CatalogPage.Item>> items = catalog.items(venueId, after, size + 1);
    if (after != null) {
      return items.map(page -> page(venueId, null, null, page, size));
    }
    return catalog
        .categories(venueId)
        .chain(
            categories ->
                catalog
                    .modifierGroups(venueId)
                    .chain(
                        groups ->
                            items.map(page -> page(venueId, categories, groups, page, size))));
  }

  private static CatalogPage page(
      UUID venueId,
      List<CatalogPage.Category> categories,
      List<CatalogPage.ModifierGroup> groups,
      List<CatalogPage.Item> items,
      int size) {
    String next = null;
    if (items.size() > size) {
      items = items.subList(0, size);
      next = encode(items.get(size - 1).externalId());
    }
    return new CatalogPage(venueId, categories, groups, items, next);
  }

  private static String encode(String externalId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(externalId.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!id.isEmpty() && id.length() <= CatalogValidator.MAX_ID) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // Reported below.
    }
    throw invalid("cursor", "is not a cursor this API gave out");
  }

  private static ProblemException invalid(String field, String message) {
    return ProblemException.invalid(
        "The request has invalid fields.", List.of(new FieldError(field, message)));
  }
}
