package com.spaceduck.cert.status;

/** A certificate's revocation bit: list and index. */
public record StatusEntry(int listId, int index) {}
