package com.spaceduck.sync.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /v1/sync}: the catalog a venue's POS pushes. Everything is optional at this level so
 * that one pass of {@link CatalogValidator} can report every problem with its path at once.
 *
 * @param mode {@code partial} (default: upsert what is sent) or {@code full} (also remove what is
 *     not sent)
 */
// Read and written with the ObjectMapper directly (stored reports, idempotency hashes), so
// registered for native images beyond what Quarkus REST registers for its own use.
@RegisterForReflection(
    targets = {
      SyncRequest.class,
      SyncMode.class,
      SyncRequest.Category.class,
      SyncRequest.Item.class,
      SyncRequest.Price.class,
      SyncRequest.ModifierGroup.class,
      SyncRequest.Modifier.class
    })
public record SyncRequest(
    @Schema(examples = "partial", defaultValue = "partial") SyncMode mode,
    List<Category> categories,
    List<Item> items,
    List<ModifierGroup> modifierGroups) {

  public List<Category> categoriesOrEmpty() {
    return categories == null ? List.of() : categories;
  }

  public List<Item> itemsOrEmpty() {
    return items == null ? List.of() : items;
  }

  public List<ModifierGroup> modifierGroupsOrEmpty() {
    return modifierGroups == null ? List.of() : modifierGroups;
  }

  /** The mode, {@code partial} when absent. */
  public SyncMode modeOrDefault() {
    return mode == null ? SyncMode.PARTIAL : mode;
  }

  public record Category(
      @Schema(examples = "cat-breakfast") String externalId,
      @Schema(examples = "Breakfast") String name,
      @Schema(examples = "1") Integer position) {}

  /**
   * @param price the price in the currency's minor units (cents), never negative
   * @param modifierGroupExternalIds modifier groups offered with the item
   */
  public record Item(
      @Schema(examples = "item-pancakes") String externalId,
      @Schema(examples = "cat-breakfast") String categoryExternalId,
      @Schema(examples = "Pancakes") String name,
      @Schema(examples = "Three pancakes with maple syrup") String description,
      Price price,
      Boolean available,
      List<String> modifierGroupExternalIds) {

    public List<String> modifierGroupsOrEmpty() {
      return modifierGroupExternalIds == null ? List.of() : modifierGroupExternalIds;
    }
  }

  /**
   * @param amount minor units of {@code currency} (1250 is 12.50 EUR)
   * @param currency ISO 4217
   */
  public record Price(
      @Schema(examples = "1250") Long amount, @Schema(examples = "EUR") String currency) {}

  public record ModifierGroup(
      @Schema(examples = "grp-toppings") String externalId,
      @Schema(examples = "Toppings") String name,
      @Schema(examples = "0") Integer minSelections,
      @Schema(examples = "3") Integer maxSelections,
      List<Modifier> modifiers) {

    public List<Modifier> modifiersOrEmpty() {
      return modifiers == null ? List.of() : modifiers;
    }
  }

  /**
   * @param price an extra charge, none when absent
   * @param available {@code true} when absent
   */
  public record Modifier(
      @Schema(examples = "mod-berries") String externalId,
      @Schema(examples = "Fresh berries") String name,
      Price price,
      Boolean available) {}
}
