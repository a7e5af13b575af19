package com.spaceduck.identity.signin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fresh {@code sd_token}; {@code expires_in} in seconds. */
public record SigninResponse(
    @Schema(examples = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl")
        String sdToken,
    @Schema(examples = "Bearer") String tokenType,
    @Schema(examples = "3600") long expiresIn) {}
