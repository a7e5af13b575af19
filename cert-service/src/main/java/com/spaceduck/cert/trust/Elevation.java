package com.spaceduck.cert.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.spaceduck.cert.CertIds;
import com.spaceduck.cert.TrustTier;
import java.util.Optional;
import java.util.UUID;

/** What re-tiering needs from a {@code trust.elevated} event. */
public record Elevation(UUID ducklingId, TrustTier toTier) {

  /** Reads the event's data; empty when the duckling or the new tier is not valid. */
  public static Optional<Elevation> from(JsonNode data, String subject) {
    UUID duckling = CertIds.parse(data.path("duckling_id").asText(subject));
    Optional<TrustTier> tier = TrustTier.parse(data.path("to_tier").asText(null));
    if (duckling == null || tier.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Elevation(duckling, tier.get()));
  }
}
