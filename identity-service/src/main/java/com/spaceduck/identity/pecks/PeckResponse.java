package com.spaceduck.identity.pecks;

import java.time.Instant;
import java.util.UUID;

/** The answer to a sent peck. */
public record PeckResponse(UUID peckId, Instant sentAt) {}
