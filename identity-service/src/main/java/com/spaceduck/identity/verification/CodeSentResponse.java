package com.spaceduck.identity.verification;

import java.time.Instant;

/** A code is on its way to {@code destination}. */
public record CodeSentResponse(String channel, String destination, Instant expiresAt) {}
