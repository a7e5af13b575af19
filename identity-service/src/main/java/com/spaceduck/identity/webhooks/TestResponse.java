package com.spaceduck.identity.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of one test attempt: the endpoint's status and first 1 KiB, or why none came. */
public record TestResponse(
    @Schema(examples = "true") boolean success,
    @Schema(examples = "200") Integer status,
    @Schema(examples = "87") long latencyMs,
    @Schema(examples = "ok") String body,
    @Schema(examples = "connect timed out") String error) {}
