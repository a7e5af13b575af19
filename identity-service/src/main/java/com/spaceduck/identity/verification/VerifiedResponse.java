package com.spaceduck.identity.verification;

public record VerifiedResponse(boolean emailVerified, boolean phoneVerified) {}
