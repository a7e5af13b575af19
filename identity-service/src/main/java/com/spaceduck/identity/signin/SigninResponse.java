package com.spaceduck.identity.signin;

/** A fresh {@code sd_token}; {@code expires_in} in seconds. */
public record SigninResponse(String sdToken, String tokenType, long expiresIn) {}
