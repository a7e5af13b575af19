package com.spaceduck.identity.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record ConfirmRequest(
    @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be the 6-digit code") String code) {}
