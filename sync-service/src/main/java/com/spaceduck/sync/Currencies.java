package com.spaceduck.sync;

import java.util.Currency;

/** ISO 4217 currency codes, as the JDK knows them. */
public final class Currencies {

  private Currencies() {}

  /** Whether {@code code} is an ISO 4217 code, upper case, such as {@code EUR}. */
  public static boolean known(String code) {
    if (code == null || code.length() != 3) {
      return false;
    }
    try {
      return Currency.getInstance(code).getCurrencyCode().equals(code);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
