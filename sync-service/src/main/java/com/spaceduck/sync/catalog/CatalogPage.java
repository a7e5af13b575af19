package com.spaceduck.sync.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /v1/catalog}: one page of the venue's items, ordered by externalId. The first page (no
 * {@code cursor}) also carries every category and modifier group; later pages carry items only.
 * {@code nextCursor} is null on the last page.
 */
public record CatalogPage(
    UUID venueId,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Category> categories,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ModifierGroup> modifierGroups,
    List<Item> items,
    String nextCursor) {

  public record Category(String externalId, String name, Integer position, Instant updatedAt) {}

  public record Price(long amount, String currency) {}

  public record Item(
      String externalId,
      String categoryExternalId,
      String name,
      String description,
      Price price,
      boolean available,
      List<String> modifierGroupExternalIds,
      Instant updatedAt) {}

  public record ModifierGroup(
      String externalId,
      String name,
      Integer minSelections,
      Integer maxSelections,
      List<Modifier> modifiers,
      Instant updatedAt) {}

  public record Modifier(String externalId, String name, Price price, boolean available) {}
}
