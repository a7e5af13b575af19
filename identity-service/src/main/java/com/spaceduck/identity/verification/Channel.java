package com.spaceduck.identity.verification;

import com.spaceduck.identity.LowerCaseEnumConverter;

/** Where a one-time code goes. */
public enum Channel {
  EMAIL,
  PHONE;

  /** As stored and shown: {@code email}, {@code phone}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static class Column extends LowerCaseEnumConverter<Channel> {
    public Column() {
      super(Channel.class);
    }
  }
}
