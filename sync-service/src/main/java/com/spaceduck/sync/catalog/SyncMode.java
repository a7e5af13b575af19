package com.spaceduck.sync.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a sync treats what it does not send: {@code partial} upserts what is sent, {@code full} also
 * removes what is not. Any other value reads as {@link #UNRECOGNISED}, so that {@link
 * CatalogValidator} refuses it beside every other problem of the request instead of the body
 * failing to parse.
 */
@Schema(enumeration = {"partial", "full"})
public enum SyncMode {
  PARTIAL("partial"),
  FULL("full"),
  /**
   * A value that is neither: never valid, never stored or answered. It is written as a value no
   * valid request has, so that such a body never matches an earlier sync's idempotency hash.
   */
  UNRECOGNISED("(unrecognised)");

  private final String value;

  SyncMode(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SyncMode of(String value) {
    if (PARTIAL.value.equals(value)) {
      return PARTIAL;
    }
    return FULL.value.equals(value) ? FULL : UNRECOGNISED;
  }
}
