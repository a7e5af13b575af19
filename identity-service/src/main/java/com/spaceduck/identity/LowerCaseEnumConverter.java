package com.spaceduck.identity;

import java.util.Locale;

/**
 * Stores an enum as its lower-case name ({@code pending}, {@code email}), the form the columns'
 * check constraints and the API use. Subclass per enum; repositories bind {@link #toColumn} and
 * read {@link #fromColumn}.
 */
public abstract class LowerCaseEnumConverter<E extends Enum<E>> {

  private final Class<E> type;

  protected LowerCaseEnumConverter(Class<E> type) {
    this.type = type;
  }

  public String toColumn(E value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  public E fromColumn(String column) {
    return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
  }
}
