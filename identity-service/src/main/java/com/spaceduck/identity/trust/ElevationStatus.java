package com.spaceduck.identity.trust;

import com.spaceduck.identity.LowerCaseEnumConverter;
import java.util.Locale;

/** Where an elevation request stands; stored and shown in lower case ({@code pending}). */
public enum ElevationStatus {
  PENDING,
  APPROVED,
  REJECTED;

  /** As stored and shown. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status whose {@link #id} is {@code id}. */
  public static ElevationStatus of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  public static class Column extends LowerCaseEnumConverter<ElevationStatus> {
    public Column() {
      super(ElevationStatus.class);
    }
  }
}
