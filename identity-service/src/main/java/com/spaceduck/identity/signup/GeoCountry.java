package com.spaceduck.identity.signup;

import java.util.Locale;

/**
 * The country of a request from the edge's {@code X-Geo-Country} header (the gateway passes it on
 * only from trusted proxies): two ASCII letters, upper-cased; {@code ZZ} for anything else.
 */
public final class GeoCountry {

  public static final String HEADER = "X-Geo-Country";
  public static final String UNKNOWN = "ZZ";

  private GeoCountry() {}

  public static String of(String header) {
    if (header == null) {
      return UNKNOWN;
    }
    String value = header.trim();
    if (value.length() != 2) {
      return UNKNOWN;
    }
    for (int i = 0; i < 2; i++) {
      char c = value.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return UNKNOWN;
      }
    }
    return value.toUpperCase(Locale.ROOT);
  }
}
