package com.spaceduck.identity.signup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /beak/signup}. Format and policy checks beyond sizes are in {@link SignupService}.
 */
public record SignupRequest(
    @NotNull @Size(max = 254) String email,
    @NotNull @Size(max = 128) String password,
    @Size(max = 100) String displayName) {}
