package com.spaceduck.cert.issuance;

import com.spaceduck.platform.contracts.DucklingHatched;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** What a certificate needs from a {@code duckling.hatched} event. */
public record Hatchling(UUID ducklingId, String displayName, String country) {

  public static final String UNKNOWN_COUNTRY = "ZZ";

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /**
   * Reads the event's data; empty when it names no duckling, which no retry could fix. A missing
   * display name (it is optional at sign-up) becomes empty, a country that is not two upper-case
   * letters becomes {@code ZZ}, as identity-service sends for an unknown one.
   */
  public static Optional<Hatchling> from(DucklingHatched hatched) {
    if (hatched.ducklingId() == null) {
      return Optional.empty();
    }
    String displayName = hatched.displayName() == null ? "" : hatched.displayName();
    String country = hatched.country();
    String code = country != null && COUNTRY.matcher(country).matches() ? country : UNKNOWN_COUNTRY;
    return Optional.of(new Hatchling(hatched.ducklingId(), displayName, code));
  }
}
