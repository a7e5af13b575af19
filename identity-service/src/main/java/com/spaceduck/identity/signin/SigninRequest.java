package com.spaceduck.identity.signin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /beak/signin}. */
public record SigninRequest(
    @NotNull @Size(max = 254) String email, @NotNull @Size(max = 128) String password) {}
