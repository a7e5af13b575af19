package com.spaceduck.identity.newsletter;

import java.time.Instant;

/** A newsletter sign-up, a row of {@code newsletter_subscriptions}. */
public record Subscription(String email, Instant createdAt) {}
