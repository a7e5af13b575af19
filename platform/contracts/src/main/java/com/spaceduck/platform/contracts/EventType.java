package com.spaceduck.platform.contracts;

/**
 * The name and version under which events of one kind travel, and the record that carries their
 * data. Producers and consumers both use the record's {@code TYPE} constant, so neither spells the
 * name on its own.
 *
 * <p>Versioning: adding an optional field keeps the version (consumers ignore fields they do not
 * know, and a missing field reads as {@code null}); renaming, removing or retyping a field is a new
 * version, published next to the old one until every consumer reads the new one.
 */
public record EventType<T extends EventData>(String name, int version, Class<T> data) {

  @Override
  public String toString() {
    return name + " v" + version;
  }
}
