package com.spaceduck.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of identity-service; every key can be set by environment variable as well. */
@ConfigMapping(prefix = "spaceduck.identity")
public interface IdentityConfig {

  /** The service version reported as {@code galaxy_version} by {@code GET /beak/metrics}. */
  @WithDefault("${quarkus.application.version}")
  String galaxyVersion();

  /**
   * Emails of ducklings in the {@code operator} group (bootstrap list). Membership takes effect
   * only once the duckling has verified that email, so registering a listed address is not enough.
   */
  Optional<List<String>> operators();

  Password password();

  Signin signin();

  Token token();

  Keys keys();

  Verification verification();

  Metrics metrics();

  Pageviews pageviews();

  /**
   * Argon2id parameters for new password hashes; stored hashes carry their own, so changing these
   * keeps existing passwords valid. Default (OWASP's m=19 MiB, t=2, p=1) measured about 69 ms per
   * hash on one core of the 2-core bench machine (bench/identity/RESULTS.md).
   */
  interface Password {

    /** Memory cost in KiB. */
    @WithDefault("19456")
    @Min(1024)
    @Max(1048576)
    int memoryKib();

    /** Number of passes over the memory. */
    @WithDefault("2")
    @Min(1)
    @Max(10)
    int iterations();

    /** Lanes. */
    @WithDefault("1")
    @Min(1)
    @Max(16)
    int parallelism();

    /**
     * Hashes computed at once (worker threads dedicated to hashing). Each holds {@code memory-kib}
     * of heap while it runs, so this bounds the memory hashing can take. Default: one per core.
     */
    Optional<@Min(1) @Max(256) Integer> concurrency();

    /** Hashes that may wait for a thread; beyond it sign-up and sign-in answer 503. */
    @WithDefault("64")
    @Min(0)
    @Max(100000)
    int queueSize();
  }

  /** Account lock-out after repeated failed sign-ins. */
  interface Signin {

    /** Failed sign-ins in a row before the account is locked. */
    @WithDefault("5")
    @Min(1)
    int lockoutThreshold();

    /** Lock duration at the threshold; it doubles with every further failure. */
    @WithDefault("1m")
    Duration lockoutInitial();

    /** Longest lock. */
    @WithDefault("1h")
    Duration lockoutMax();
  }

  /** The {@code sd_token} JWT. */
  interface Token {

    /** The {@code iss} claim; verifiers (this service, cert-service, the gateway) expect it. */
    @WithDefault("https://spaceduck.example/identity")
    String issuer();

    /** Token lifetime ({@code exp - iat}). */
    @WithDefault("1h")
    Duration lifetime();
  }

  /** Beak Keys. */
  interface Keys {

    /** Lifetime of a key created without {@code expires_in_days}. */
    @WithDefault("90")
    @Min(1)
    @Max(365)
    int defaultLifetimeDays();

    /** Active (unrevoked, unexpired) keys one duckling may hold. */
    @WithDefault("25")
    @Min(1)
    int maxActivePerDuckling();

    /** {@code last_used_at} is written at most this often per key, to keep the hot path cheap. */
    @WithDefault("1m")
    Duration lastUsedResolution();
  }

  /** One-time codes for email and phone verification. */
  interface Verification {

    /** How long a code stays valid. */
    @WithDefault("10m")
    Duration codeLifetime();

    /** Wrong guesses after which a code is dead. */
    @WithDefault("5")
    @Min(1)
    int maxAttempts();
  }

  /** {@code GET /beak/metrics}. */
  interface Metrics {

    /** How long counts are served from memory before one query refreshes them. */
    @WithDefault("5s")
    Duration cacheTtl();
  }

  /** {@code POST /beak/pageview}: buffered in memory, written in batches. */
  interface Pageviews {

    /** Page views held in memory at most; beyond it the endpoint answers 503 with Retry-After. */
    @WithDefault("20000")
    @Min(1)
    int bufferCapacity();

    /** Rows per INSERT. */
    @WithDefault("1000")
    @Min(1)
    @Max(10000)
    int batchSize();

    /**
     * How often the buffer is written (also set as the scheduler's interval in
     * application.properties).
     */
    @WithDefault("1s")
    Duration flushInterval();
  }
}
