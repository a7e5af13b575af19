package com.spaceduck.identity.counts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Live platform counts. */
public record CountsResponse(
    @Schema(examples = "1024") long registered,
    @Schema(examples = "512") long certified,
    @Schema(examples = "64") long bonded,
    @Schema(examples = "12") long domains,
    @Schema(examples = "2026.11") String galaxyVersion) {}
