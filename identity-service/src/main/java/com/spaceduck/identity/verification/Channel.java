package com.spaceduck.identity.verification;

/** Where a one-time code goes. */
public enum Channel {
  EMAIL,
  PHONE;

  /** As stored and shown: {@code email}, {@code phone}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
