package com.spaceduck.identity.webhooks;

public record ReplayResponse(int messages) {}
