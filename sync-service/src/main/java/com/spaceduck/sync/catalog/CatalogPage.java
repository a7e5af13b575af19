package com.spaceduck.sync.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /v1/catalog}: one page of the venue's items, ordered by externalId. The first page (no
 * {@code cursor}) also carries every category and modifier group; later pages carry items only.
 * {@code nextCursor} is null on the last page.
 */
public record CatalogPage(
    @Schema(examples = "5b7e9c1a-3d2f-4a6b-8c9d-0e1f2a3b4c5d") UUID venueId,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Category> categories,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ModifierGroup> modifierGroups,
    List<Item> items,
    @Schema(examples = "aXRlbS1wYW5jYWtlcw") String nextCursor) {

  public record Category(
      @Schema(examples = "cat-breakfast") String externalId,
      @Schema(examples = "Breakfast") String name,
      @Schema(examples = "1") Integer position,
      Instant updatedAt) {}

  public record Price(
      @Schema(examples = "1250") long amount, @Schema(examples = "EUR") String currency) {}

  public record Item(
      @Schema(examples = "item-pancakes") String externalId,
      @Schema(examples = "cat-breakfast") String categoryExternalId,
      @Schema(examples = "Pancakes") String name,
      @Schema(examples = "Three pancakes with maple syrup") String description,
      Price price,
      boolean available,
      List<String> modifierGroupExternalIds,
      Instant updatedAt) {}

  public record ModifierGroup(
      @Schema(examples = "grp-toppings") String externalId,
      @Schema(examples = "Toppings") String name,
      @Schema(examples = "0") Integer minSelections,
      @Schema(examples = "3") Integer maxSelections,
      List<Modifier> modifiers,
      Instant updatedAt) {}

  public record Modifier(
      @Schema(examples = "mod-berries") String externalId,
      @Schema(examples = "Fresh berries") String name,
      Price price,
      boolean available) {}
}
