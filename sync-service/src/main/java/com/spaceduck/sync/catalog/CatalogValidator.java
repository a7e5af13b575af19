package com.spaceduck.sync.catalog;

import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.sync.Currencies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule a sync must pass before anything is written, checked in one pass so that one problem
 * lists them all, each with the field's path as the client wrote it ({@code
 * items[12].price.amount}) and the object's externalId in the message. Hand-written rather than
 * Bean Validation: most rules span objects (duplicates, references), and the messages name the
 * object.
 */
public final class CatalogValidator {

  public static final int MAX_ID = 100;
  public static final int MAX_NAME = 200;
  public static final int MAX_DESCRIPTION = 2000;
  public static final long MAX_AMOUNT = 1_000_000_000_000L;
  public static final int MAX_POSITION = 1_000_000;
  public static final int MAX_GROUPS_PER_ITEM = 50;

  /** The errors one problem lists at most. */
  public static final int MAX_ERRORS = 1000;

  private CatalogValidator() {}

  /**
   * Category and modifier-group externalIds the items reference that the request does not define:
   * in a partial sync they must already be stored.
   */
  public static Set<String> undefinedCategories(SyncRequest request) {
    Set<String> defined =
        ids(
            request.categoriesOrEmpty().stream()
                .map(c -> c == null ? null : c.externalId())
                .toList());
    Set<String> undefined = new LinkedHashSet<>();
    for (SyncRequest.Item item : request.itemsOrEmpty()) {
      if (item != null
          && item.categoryExternalId() != null
          && !defined.contains(item.categoryExternalId())) {
        undefined.add(item.categoryExternalId());
      }
    }
    return undefined;
  }

  /** Like {@link #undefinedCategories}, for modifier groups. */
  public static Set<String> undefinedModifierGroups(SyncRequest request) {
    Set<String> defined =
        ids(
            request.modifierGroupsOrEmpty().stream()
                .map(g -> g == null ? null : g.externalId())
                .toList());
    Set<String> undefined = new LinkedHashSet<>();
    for (SyncRequest.Item item : request.itemsOrEmpty()) {
      if (item == null) {
        continue;
      }
      for (String group : item.modifierGroupsOrEmpty()) {
        if (group != null && !defined.contains(group)) {
          undefined.add(group);
        }
      }
    }
    return undefined;
  }

  /**
   * Every problem of the request, at most {@link #MAX_ERRORS}.
   *
   * @param storedCategories categories already stored that items may reference besides the
   *     request's own (none in a full sync, which removes what it does not send)
   * @param storedModifierGroups likewise for modifier groups
   */
  public static List<FieldError> validate(
      SyncRequest request, Set<String> storedCategories, Set<String> storedModifierGroups) {
    Errors errors = new Errors();
    if (request.modeOrDefault() == SyncMode.UNRECOGNISED) {
      errors.add("mode", "must be partial or full", null);
    }

    Set<String> categories = new HashSet<>(storedCategories);
    Map<String, Integer> seen = new HashMap<>();
    List<SyncRequest.Category> sentCategories = request.categoriesOrEmpty();
    for (int i = 0; i < sentCategories.size(); i++) {
      String path = "categories[" + i + "]";
      SyncRequest.Category category = sentCategories.get(i);
      if (category == null) {
        errors.add(path, "must be an object", null);
        continue;
      }
      String id = category.externalId();
      if (externalId(errors, path, id, seen, "categories")) {
        categories.add(id);
      }
      text(errors, path + ".name", category.name(), MAX_NAME, true, id);
      if (category.position() != null
          && (category.position() < 0 || category.position() > MAX_POSITION)) {
        errors.add(path + ".position", "must be between 0 and " + MAX_POSITION, id);
      }
    }

    Set<String> groups = new HashSet<>(storedModifierGroups);
    seen.clear();
    List<SyncRequest.ModifierGroup> sentGroups = request.modifierGroupsOrEmpty();
    for (int i = 0; i < sentGroups.size(); i++) {
      String path = "modifierGroups[" + i + "]";
      SyncRequest.ModifierGroup group = sentGroups.get(i);
      if (group == null) {
        errors.add(path, "must be an object", null);
        continue;
      }
      String id = group.externalId();
      if (externalId(errors, path, id, seen, "modifierGroups")) {
        groups.add(id);
      }
      text(errors, path + ".name", group.name(), MAX_NAME, true, id);
      Integer min = group.minSelections();
      Integer max = group.maxSelections();
      if (min != null && (min < 0 || min > 1000)) {
        errors.add(path + ".minSelections", "must be between 0 and 1000", id);
      }
      if (max != null && (max < 1 || max > 1000)) {
        errors.add(path + ".maxSelections", "must be between 1 and 1000", id);
      } else if (max != null && min != null && max < min) {
        errors.add(path + ".maxSelections", "must not be less than minSelections", id);
      }
      Map<String, Integer> seenModifiers = new HashMap<>();
      List<SyncRequest.Modifier> modifiers = group.modifiersOrEmpty();
      for (int k = 0; k < modifiers.size(); k++) {
        String modifierPath = path + ".modifiers[" + k + "]";
        SyncRequest.Modifier modifier = modifiers.get(k);
        if (modifier == null) {
          errors.add(modifierPath, "must be an object", null);
          continue;
        }
        String modifierId = modifier.externalId();
        externalId(errors, modifierPath, modifierId, seenModifiers, path + ".modifiers");
        text(errors, modifierPath + ".name", modifier.name(), MAX_NAME, true, modifierId);
        if (modifier.price() != null) {
          price(errors, modifierPath + ".price", modifier.price(), modifierId);
        }
      }
    }

    seen.clear();
    List<SyncRequest.Item> items = request.itemsOrEmpty();
    for (int i = 0; i < items.size(); i++) {
      String path = "items[" + i + "]";
      SyncRequest.Item item = items.get(i);
      if (item == null) {
        errors.add(path, "must be an object", null);
        continue;
      }
      String id = item.externalId();
      externalId(errors, path, id, seen, "items");
      text(errors, path + ".name", item.name(), MAX_NAME, true, id);
      text(errors, path + ".description", item.description(), MAX_DESCRIPTION, false, id);
      String category = item.categoryExternalId();
      if (category == null || category.isBlank()) {
        errors.add(path + ".categoryExternalId", "is required", id);
      } else if (!categories.contains(category)) {
        errors.add(
            path + ".categoryExternalId",
            "names category " + category + ", which is neither in this sync nor stored",
            id);
      }
      if (item.price() == null) {
        errors.add(path + ".price", "is required", id);
      } else {
        price(errors, path + ".price", item.price(), id);
      }
      if (item.available() == null) {
        errors.add(path + ".available", "is required", id);
      }
      List<String> itemGroups = item.modifierGroupsOrEmpty();
      if (itemGroups.size() > MAX_GROUPS_PER_ITEM) {
        errors.add(
            path + ".modifierGroupExternalIds",
            "must list at most " + MAX_GROUPS_PER_ITEM + " groups",
            id);
      }
      Set<String> listed = new HashSet<>();
      for (int k = 0; k < itemGroups.size(); k++) {
        String group = itemGroups.get(k);
        String groupPath = path + ".modifierGroupExternalIds[" + k + "]";
        if (group == null || group.isBlank()) {
          errors.add(groupPath, "must not be blank", id);
        } else if (!listed.add(group)) {
          errors.add(groupPath, "lists modifier group " + group + " twice", id);
        } else if (!groups.contains(group)) {
          errors.add(
              groupPath,
              "names modifier group " + group + ", which is neither in this sync nor stored",
              id);
        }
      }
    }
    return errors.list;
  }

  /** Checks an externalId; true when it is valid and not a duplicate. */
  private static boolean externalId(
      Errors errors, String path, String id, Map<String, Integer> seen, String listPath) {
    if (!text(errors, path + ".externalId", id, MAX_ID, true, null)) {
      return false;
    }
    Integer first = seen.putIfAbsent(id, seen.size());
    if (first != null) {
      errors.add(path + ".externalId", "duplicates an earlier object in " + listPath, id);
      return false;
    }
    return true;
  }

  /** Checks a string's presence and length; control characters are refused everywhere. */
  private static boolean text(
      Errors errors, String path, String value, int max, boolean required, String externalId) {
    if (value == null || (required && value.isBlank())) {
      if (required) {
        errors.add(path, "is required", externalId);
        return false;
      }
      return true;
    }
    if (value.length() > max) {
      errors.add(path, "must be at most " + max + " characters", externalId);
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        errors.add(path, "must not contain control characters", externalId);
        return false;
      }
    }
    if (path.endsWith(".externalId") && !value.equals(value.strip())) {
      errors.add(path, "must not start or end with white space", externalId);
      return false;
    }
    return true;
  }

  private static void price(Errors errors, String path, SyncRequest.Price price, String id) {
    if (price.amount() == null) {
      errors.add(path + ".amount", "is required", id);
    } else if (price.amount() < 0) {
      errors.add(path + ".amount", "must not be negative", id);
    } else if (price.amount() > MAX_AMOUNT) {
      errors.add(path + ".amount", "must be at most " + MAX_AMOUNT + " minor units", id);
    }
    if (price.currency() == null) {
      errors.add(path + ".currency", "is required", id);
    } else if (!Currencies.known(price.currency())) {
      errors.add(path + ".currency", "must be an ISO 4217 code such as EUR", id);
    }
  }

  private static Set<String> ids(List<String> ids) {
    Set<String> set = new HashSet<>();
    for (String id : ids) {
      if (id != null) {
        set.add(id);
      }
    }
    return set;
  }

  private static final class Errors {
    private final List<FieldError> list = new ArrayList<>();

    void add(String field, String message, String externalId) {
      if (list.size() < MAX_ERRORS) {
        list.add(
            new FieldError(
                field,
                externalId == null ? message : message + " (externalId " + externalId + ")"));
      }
    }
  }
}
