package com.spaceduck.identity.validation;

/**
 * The bounds of the {@code page} and {@code size} query parameters of identity's paged lists, and
 * the messages of their constraints: one place for every list.
 */
public final class Paging {

  public static final int MAX_PAGE = 10_000;
  public static final int MAX_SIZE = 100;
  public static final String DEFAULT_SIZE = "50";
  public static final String PAGE_MESSAGE = "must be between 0 and " + MAX_PAGE;
  public static final String SIZE_MESSAGE = "must be between 1 and " + MAX_SIZE;

  private Paging() {}
}
