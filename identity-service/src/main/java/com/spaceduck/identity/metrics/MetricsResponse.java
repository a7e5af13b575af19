package com.spaceduck.identity.metrics;

/** Live platform counts. */
public record MetricsResponse(
    long registered, long certified, long bonded, long domains, String galaxyVersion) {}
