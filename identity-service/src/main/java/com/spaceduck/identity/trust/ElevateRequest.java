package com.spaceduck.identity.trust;

import com.spaceduck.identity.validation.Tier;
import com.spaceduck.platform.contracts.TrustTier;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PUT /beak/trust/elevate}. {@code legal_name} and {@code postal_address} are required for
 * T2 and ignored otherwise.
 */
public record ElevateRequest(
    @Schema(
            examples = "T2",
            enumeration = {"T1", "T2", "T3"})
        @NotNull
        @Tier(min = TrustTier.T1)
        String targetTier,
    @Schema(examples = "Ada Lovelace") @Size(max = 200) String legalName,
    @Schema(examples = "12 St James Square, London") @Size(max = 500) String postalAddress) {}
