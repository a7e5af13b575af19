package com.spaceduck.identity.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ConfirmRequest(
    @Schema(examples = "123456")
        @NotNull
        @Pattern(regexp = "[0-9]{6}", message = "must be the 6-digit code")
        String code) {}
