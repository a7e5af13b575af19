package com.spaceduck.sync.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

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
      SyncRequest.Category.class,
      SyncRequest.Item.class,
      SyncRequest.Price.class,
      SyncRequest.ModifierGroup.class,
      SyncRequest.Modifier.class
    })
public record SyncRequest(
    String mode, List<Category> categories, List<Item> items, List<ModifierGroup> modifierGroups) {

  public static final String PARTIAL = "partial";
  public static final String FULL = "full";

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
  public String modeOrDefault() {
    return mode == null ? PARTIAL : mode;
  }

  public record Category(String externalId, String name, Integer position) {}

  /**
   * @param price the price in the currency's minor units (cents), never negative
   * @param modifierGroupExternalIds modifier groups offered with the item
   */
  public record Item(
      String externalId,
      String categoryExternalId,
      String name,
      String description,
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
  public record Price(Long amount, String currency) {}

  public record ModifierGroup(
      String externalId,
      String name,
      Integer minSelections,
      Integer maxSelections,
      List<Modifier> modifiers) {

    public List<Modifier> modifiersOrEmpty() {
      return modifiers == null ? List.of() : modifiers;
    }
  }

  /**
   * @param price an extra charge, none when absent
   * @param available {@code true} when absent
   */
  public record Modifier(String externalId, String name, Price price, Boolean available) {}
}
