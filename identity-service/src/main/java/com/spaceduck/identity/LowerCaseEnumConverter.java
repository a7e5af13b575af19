package com.spaceduck.identity;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/**
 * Stores an enum as its lower-case name ({@code pending}, {@code email}), the form the columns'
 * check constraints and the API use. Subclass per enum and name it in {@code @Convert}.
 */
public abstract class LowerCaseEnumConverter<E extends Enum<E>>
    implements AttributeConverter<E, String> {

  private final Class<E> type;

  protected LowerCaseEnumConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public String convertToDatabaseColumn(E value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public E convertToEntityAttribute(String column) {
    return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
  }
}
