package com.spaceduck.cert.issuance;

import com.fasterxml.jackson.databind.JsonNode;
import com.spaceduck.cert.CertIds;
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
  public static Optional<Hatchling> from(JsonNode data, String subject) {
    String id = data.path("duckling_id").asText(subject);
    UUID duckling = CertIds.parse(id);
    if (duckling == null) {
      return Optional.empty();
    }
    JsonNode name = data.path("display_name");
    String displayName = name.isTextual() ? name.asText() : "";
    JsonNode country = data.path("country");
    String code =
        country.isTextual() && COUNTRY.matcher(country.asText()).matches()
            ? country.asText()
            : UNKNOWN_COUNTRY;
    return Optional.of(new Hatchling(duckling, displayName, code));
  }
}
