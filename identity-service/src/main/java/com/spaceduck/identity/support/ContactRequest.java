package com.spaceduck.identity.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ContactRequest(
    @NotNull @Size(max = 254) String email, @NotBlank @Size(max = 5000) String message) {}
