package com.spaceduck.identity.newsletter;

/** The same answer whether the address was new or already subscribed. */
public record SubscribeResponse(String status) {}
