package com.spaceduck.gateway.ratelimit;

import com.spaceduck.gateway.GatewayConfig.FailMode;
import com.spaceduck.gateway.GatewayConfig.KeyType;

/**
 * One endpoint group's bucket, in the units the deciders use: a token every {@code intervalMicros},
 * at most {@code capacity} tokens. {@code keysPerIp} is the bucket each client IP draws from
 * besides its API key's, for groups keyed by key; {@code null} otherwise.
 */
public record LimitGroup(
    String name,
    long limit,
    long windowSeconds,
    long capacity,
    long intervalMicros,
    KeyType key,
    FailMode failMode,
    long lease,
    LimitGroup keysPerIp) {

  /** The {@code RateLimit-Policy} value: {@code 100;w=60;burst=200}. */
  public String policy() {
    return limit + ";w=" + windowSeconds + ";burst=" + capacity;
  }
}
