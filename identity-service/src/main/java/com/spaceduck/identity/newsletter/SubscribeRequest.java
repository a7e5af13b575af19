package com.spaceduck.identity.newsletter;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SubscribeRequest(@NotNull @Size(max = 254) String email) {}
