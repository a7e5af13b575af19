package com.spaceduck.platform.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** A test profile whose service reaches PostgreSQL and Redis through cuttable relays. */
public class ProxiedDependencies implements QuarkusTestProfile {

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(ProxiedTestDatabase.class));
  }
}
