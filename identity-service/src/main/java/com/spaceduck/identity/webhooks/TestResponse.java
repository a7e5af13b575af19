package com.spaceduck.identity.webhooks;

/** The outcome of one test attempt: the endpoint's status and first 1 KiB, or why none came. */
public record TestResponse(
    boolean success, Integer status, long latencyMs, String body, String error) {}
