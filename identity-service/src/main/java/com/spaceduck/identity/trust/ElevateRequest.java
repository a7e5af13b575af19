package com.spaceduck.identity.trust;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /beak/trust/elevate}. {@code legal_name} and {@code postal_address} are required for
 * T2 and ignored otherwise.
 */
public record ElevateRequest(
    @NotNull @Pattern(regexp = "T[1-3]", message = "must be one of T1, T2, T3") String targetTier,
    @Size(max = 200) String legalName,
    @Size(max = 500) String postalAddress) {}
