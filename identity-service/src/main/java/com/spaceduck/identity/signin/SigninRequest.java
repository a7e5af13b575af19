package com.spaceduck.identity.signin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /beak/signin}. */
public record SigninRequest(
    @Schema(examples = "ada@example.com") @NotNull @Size(max = 254) String email,
    @Schema(examples = "Correct-Horse-Battery-42") @NotNull @Size(max = 128) String password) {}
