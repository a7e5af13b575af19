package com.spaceduck.identity.keys;

import com.spaceduck.identity.validation.Tier;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /beak/keys}. {@code tier} defaults to the owner's tier. */
public record CreateKeyRequest(
    @Schema(examples = "ci-agent") @NotBlank @Size(max = 100) String name,
    @Schema(
            examples = "T1",
            enumeration = {"T0", "T1", "T2", "T3"})
        @Tier
        String tier,
    @Schema(examples = "90") @Min(1) @Max(365) Integer expiresInDays) {}
