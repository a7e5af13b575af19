package com.spaceduck.identity.signup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /beak/signup}. Format and policy checks beyond sizes are in {@link SignupService}.
 */
public record SignupRequest(
    @Schema(examples = "ada@example.com") @NotNull @Size(max = 254) String email,
    @Schema(examples = "Correct-Horse-Battery-42") @NotNull @Size(max = 128) String password,
    @Schema(examples = "Ada Duck") @Size(max = 100) String displayName) {}
