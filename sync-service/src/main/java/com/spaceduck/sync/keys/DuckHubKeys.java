package com.spaceduck.sync.keys;

import com.spaceduck.platform.keys.SecretKeys;

/**
 * DuckHub's key format: {@code dk_live_} + 32 URL-safe base64 characters. {@code dk_test_} is
 * accepted as a format but never issued (there is no test mode), so such a key is simply unknown.
 */
public final class DuckHubKeys {

  public static final String LIVE = "dk_live_";
  public static final String TEST = "dk_test_";

  private DuckHubKeys() {}

  public static String generate() {
    return SecretKeys.generate(LIVE);
  }

  public static boolean wellFormed(String key) {
    return SecretKeys.wellFormed(key, LIVE) || SecretKeys.wellFormed(key, TEST);
  }
}
