package com.spaceduck.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the gateway does is configured here; nothing about routes or limits is code. The
 * ranges are checked at start ({@link GatewaySettings}).
 */
@ConfigMapping(prefix = "spaceduck.gateway")
public interface GatewayConfig {

  /** Upstream base URLs by name, e.g. {@code identity=http://identity-service:8081}. */
  Map<String, String> upstreams();

  /**
   * Path prefixes and the upstream that serves them; the longest matching prefix wins, e.g. {@code
   * "/beak/cert/"=cert}. Paths that match none are not proxied.
   */
  Map<String, String> routes();

  /** Time allowed to open a connection to an upstream before answering 503. */
  @WithDefault("2s")
  Duration connectTimeout();

  /** Time an upstream may stay silent while answering before the gateway answers 504. */
  @WithDefault("30s")
  Duration responseTimeout();

  /** Keep-alive connections per upstream and event loop. */
  @WithDefault("64")
  int maxConnectionsPerUpstream();

  /**
   * CIDR blocks of proxies in front of the gateway (load balancers, the ingress). Only a peer in
   * one of them may say who the client is ({@code X-Forwarded-For}) or where it is ({@code
   * X-Geo-Country}). Empty by default: the TCP peer is the client.
   */
  Optional<List<String>> trustedProxies();

  /** Verification of {@code sd_token}s, to key limits by user. */
  Jwt jwt();

  RateLimits rateLimits();

  Status status();

  /** The identity service's token signing key, to tell users apart. */
  interface Jwt {

    /**
     * PEM file with the public key of identity-service's {@code sd_token}s. Without it, limits
     * keyed by user fall back to the client IP.
     */
    Optional<String> publicKeyLocation();

    /** Expected {@code iss} of an {@code sd_token}. */
    @WithDefault("https://spaceduck.example/identity")
    String issuer();

    /**
     * Expected {@code aud} of an {@code sd_token}: a token without it, or meant for another
     * audience, names no user.
     */
    @WithDefault("https://spaceduck.example/api")
    String audience();
  }

  /** Token-bucket rate limits. */
  interface RateLimits {

    /** Turns every limit off (for benchmarks of the proxy alone). */
    @WithDefault("true")
    boolean enabled();

    /** How long a decision may wait for Redis before the group's fail mode applies. */
    @WithDefault("100ms")
    Duration redisTimeout();

    /** How often a gateway that lost Redis checks whether it is back. */
    @WithDefault("1s")
    Duration redisProbeInterval();

    /** Prefix of the bucket keys in Redis. */
    @WithDefault("sd:rl:")
    String keyPrefix();

    /**
     * IPv6 clients share a bucket per block of this prefix length: one subscriber usually holds a
     * whole /64, so a bucket per address would give it 2^64 of them.
     */
    @WithDefault("64")
    int ipv6PrefixLength();

    /** Token leases: how many tokens one Redis round trip may take for this instance. */
    Lease lease();

    /** The endpoint groups, by name. */
    Map<String, Group> groups();
  }

  /**
   * An instance may take several tokens from a large bucket in one round trip and spend them
   * locally. Tokens are always taken from Redis before they are spent, so a bucket never admits
   * more than its capacity plus what refilled, plus at most one lease per instance whose tokens
   * were taken before a refill; unspent tokens of an expired lease are lost to the client.
   */
  interface Lease {

    /** Share of a bucket's capacity one lease may take; below 2 tokens there is no leasing. */
    @WithDefault("0.02")
    double fraction();

    /** The most tokens one lease takes. */
    @WithDefault("50")
    int max();

    /** How long leased tokens may be spent. */
    @WithDefault("1s")
    Duration ttl();
  }

  /** One endpoint group and its bucket. */
  interface Group {

    /**
     * The paths the group covers: exact paths ({@code /beak/metrics}) or prefixes ending in {@code
     * /**} ({@code /beak/newsletter/**}). An exact path beats a prefix, a longer prefix a shorter
     * one.
     */
    List<String> paths();

    /** Requests per window: the refill rate is {@code limit / window}. */
    long limit();

    /** The window of the limit. */
    @WithDefault("1m")
    Duration window();

    /** Bucket capacity: requests allowed at once. Defaults to the limit. */
    Optional<Long> burst();

    /** Who shares a bucket. */
    @WithDefault("ip")
    KeyType key();

    /**
     * For groups keyed by {@code api-key} or {@code principal}: the bucket every client IP draws
     * from in addition to its key's, so keys a client invents share one budget. Defaults to the
     * group's own limit, window and burst.
     */
    KeysPerIp keysPerIp();

    /** What happens when Redis cannot be asked. */
    @WithDefault("open")
    FailMode failMode();

    /** Capacity of the bucket. */
    default long capacity() {
      return burst().orElse(limit());
    }
  }

  /** The per-IP bucket of requests made with API keys. */
  interface KeysPerIp {

    /**
     * Requests per window from one client IP across all its API keys; the group's limit when unset.
     */
    Optional<Long> limit();

    /** Capacity of the bucket; this limit when unset, or the group's burst when neither is set. */
    Optional<Long> burst();
  }

  /** What a bucket is keyed by. */
  enum KeyType {
    /** The client IP. */
    IP,
    /** The {@code sub} of a verified {@code sd_token}; the client IP when there is none. */
    USER,
    /**
     * A hash of a well-formed bearer API key (plus the client IP's {@code keys-per-ip} bucket); the
     * client IP for anything else.
     */
    API_KEY,
    /** A verified user, else a well-formed API key as for {@code api-key}, else the client IP. */
    PRINCIPAL,
    /** One bucket for everybody. */
    GLOBAL
  }

  /** Behaviour without Redis. */
  enum FailMode {
    /** Decide with a local bucket per gateway instance: limits still hold, per instance. */
    OPEN,
    /** Refuse with 503 and {@code Retry-After}. */
    CLOSED
  }

  /** The background check behind {@code /beak/system/status}. */
  interface Status {

    /** How often upstream readiness and Redis are checked. */
    @WithDefault("2s")
    Duration interval();

    /** How long one check may take before the component counts as down. */
    @WithDefault("1s")
    Duration timeout();

    /** The upstreams the status reports on; every configured upstream when absent. */
    Optional<List<String>> upstreams();

    /**
     * Where each upstream the status reports on answers its readiness, by upstream name: its
     * management interface, e.g. {@code identity=http://identity-service:9081/q/health/ready}
     * (services serve health on that port only, never on their API port). Required for every
     * upstream the status reports on.
     */
    Map<String, String> readiness();
  }
}
