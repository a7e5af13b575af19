package com.spaceduck.identity.pageview;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PageviewRequest(
    @NotBlank @Size(max = 2048) String page, @Size(max = 2048) String referrer) {}
