package com.spaceduck.identity.keys;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /beak/keys}. {@code tier} defaults to the owner's tier. */
public record CreateKeyRequest(
    @NotBlank @Size(max = 100) String name,
    @Pattern(regexp = "T[0-3]", message = "must be one of T0, T1, T2, T3") String tier,
    @Min(1) @Max(365) Integer expiresInDays) {}
