package com.spaceduck.identity.pageview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PageviewRequest(
    @Schema(examples = "/developers") @NotBlank @Size(max = 2048) String page,
    @Schema(examples = "https://www.example.com/") @Size(max = 2048) String referrer) {}
