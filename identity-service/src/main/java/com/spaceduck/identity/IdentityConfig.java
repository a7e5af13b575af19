package com.spaceduck.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of identity-service; every key can be set by environment variable as well. Their ranges
 * are checked at start ({@link IdentitySettings}).
 */
@ConfigMapping(prefix = "spaceduck.identity")
public interface IdentityConfig {

  /** The service version reported as {@code galaxy_version} by {@code GET /beak/metrics}. */
  @WithDefault("${quarkus.application.version}")
  String galaxyVersion();

  Password password();

  Signin signin();

  ClientAddress clientAddress();

  Token token();

  Keys keys();

  Verification verification();

  /** Keyed {@code metrics} after the endpoint's path. */
  @WithName("metrics")
  Counts counts();

  Pageviews pageviews();

  Webhooks webhooks();

  /**
   * Argon2id parameters for new password hashes; stored hashes carry their own, so changing these
   * keeps existing passwords valid. Default (OWASP's m=19 MiB, t=2, p=1) measured about 69 ms per
   * hash on one core of the 2-core bench machine (bench/identity/RESULTS.md).
   */
  interface Password {

    /** Memory cost in KiB. */
    @WithDefault("19456")
    int memoryKib();

    /** Number of passes over the memory. */
    @WithDefault("2")
    int iterations();

    /** Lanes. */
    @WithDefault("1")
    int parallelism();

    /**
     * Hashes computed at once (worker threads dedicated to hashing). Each thread's {@code
     * memory-kib} of heap is kept for the next hash, so this bounds the memory hashing takes.
     * Default: one per core.
     */
    Optional<Integer> concurrency();

    /** Hashes that may wait for a thread; beyond it sign-up and sign-in answer 503. */
    @WithDefault("64")
    int queueSize();
  }

  /**
   * Failed sign-ins slow down the address they come from, on that account only; nothing locks the
   * account itself, so a stranger's failures never keep the owner out (README, "Security").
   */
  interface Signin {

    /**
     * Failed sign-ins from one address on one account per UTC day before each further attempt from
     * that address has to wait.
     */
    @WithDefault("5")
    int freeFailuresPerAddress();

    /**
     * Attempts from one address on one account checked at once while it still has free failures (a
     * client signing in in parallel); beyond it 429 with Retry-After 1. Once the free failures are
     * used up, attempts go one at a time. Guesses in flight can pass the free failures by at most
     * this many less one.
     */
    @WithDefault("8")
    int maxInFlightPerAddress();

    /** The first wait after the free failures; it doubles with each further failure. */
    @WithDefault("1m")
    Duration initialDelay();

    /** The longest wait between attempts from one address on one account. */
    @WithDefault("1h")
    Duration maxDelay();

    /**
     * Failed sign-ins per account per UTC day, from all addresses together, beyond which addresses
     * that have failed on the account today are refused until the day ends. Addresses without a
     * failure today (the owner's, usually) still get in with the right password.
     */
    @WithDefault("100")
    int accountDailyFailures();
  }

  /**
   * Where the client address (for sign-in throttling) comes from. This service sits behind the
   * gateway, which appends the address of its TCP peer to {@code X-Forwarded-For}.
   */
  interface ClientAddress {

    /**
     * Proxies, counted from this service outwards, whose {@code X-Forwarded-For} entries are
     * believed: the client is the entry this many places from the right. 1 = the gateway only; 2 =
     * the gateway and one proxy it trusts in front of it; 0 = ignore the header.
     */
    @WithDefault("1")
    int forwardedHops();

    /**
     * CIDR blocks of TCP peers allowed to send {@code X-Forwarded-For} (where the gateway runs);
     * from anyone else the header is ignored and the peer is the client.
     */
    @WithDefault("127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7")
    List<String> trustedPeers();
  }

  /** The {@code sd_token} JWT. */
  interface Token {

    /** The {@code iss} claim; verifiers (this service, cert-service, the gateway) expect it. */
    @WithDefault("https://spaceduck.example/identity")
    String issuer();

    /**
     * The {@code aud} claim: the API the token is for. Verifiers check it with {@code
     * mp.jwt.verify.audiences} (this service, cert-service, the gateway, sync-service).
     */
    @WithDefault("https://spaceduck.example/api")
    String audience();

    /** Token lifetime ({@code exp - iat}). */
    @WithDefault("1h")
    Duration lifetime();
  }

  /** Beak Keys. */
  interface Keys {

    /** Lifetime of a key created without {@code expires_in_days}. */
    @WithDefault("90")
    int defaultLifetimeDays();

    /** Active (unrevoked, unexpired) keys one duckling may hold. */
    @WithDefault("25")
    int maxActivePerDuckling();

    /** {@code last_used_at} is written at most this often per key, to keep the hot path cheap. */
    @WithDefault("1m")
    Duration lastUsedResolution();

    /**
     * Path prefixes where a key may come as {@code ?beak_key=} (webhook senders that cannot set
     * headers). Anywhere else a query key is refused with 401: URLs end up in logs and histories.
     */
    @WithDefault("/beak/webhooks/")
    List<String> queryKeyPaths();
  }

  /** One-time codes for email and phone verification, and the caps on sending and guessing. */
  interface Verification {

    /** How long a code stays valid. */
    @WithDefault("10m")
    Duration codeLifetime();

    /** Wrong guesses after which a code is dead. */
    @WithDefault("5")
    int maxAttempts();

    /**
     * Wrong guesses per duckling per channel per UTC day, across all its codes (a new code does not
     * reset it); beyond it confirming answers 429 until the day ends.
     */
    @WithDefault("10")
    int dailyFailures();

    /** Codes sent per duckling per channel per UTC day. */
    @WithDefault("5")
    int dailySends();

    /** Codes sent to one phone number per UTC day, whichever ducklings ask. */
    @WithDefault("5")
    int dailySendsPerNumber();

    /**
     * Wait after a duckling's first code of the day on a channel (and a number's first code) before
     * another is sent; it doubles with each send.
     */
    @WithDefault("30s")
    Duration resendDelay();

    /** The longest wait between sends. */
    @WithDefault("10m")
    Duration maxResendDelay();

    /**
     * E.164 prefixes (country codes, or longer prefixes) of the phone numbers codes may be sent to;
     * others are refused with 400. Premium-rate ranges of allowed countries can be left out by
     * listing longer prefixes instead.
     */
    @WithDefault("+1,+31,+32,+33,+41,+44,+45,+46,+47,+49,+353,+61,+64")
    List<String> phonePrefixes();
  }

  /** {@code GET /beak/metrics}: the public counts. */
  interface Counts {

    /** How long counts are served from memory before one query refreshes them. */
    @WithDefault("5s")
    Duration cacheTtl();
  }

  /** {@code POST /beak/pageview}: buffered in memory, written in batches. */
  interface Pageviews {

    /** Page views held in memory at most; beyond it the endpoint answers 503 with Retry-After. */
    @WithDefault("20000")
    int bufferCapacity();

    /** Rows per INSERT. */
    @WithDefault("1000")
    int batchSize();

    /**
     * How often the buffer is written (also set as the scheduler's interval in
     * application.properties).
     */
    @WithDefault("1s")
    Duration flushInterval();
  }

  /** Webhook subscriptions and their delivery. */
  interface Webhooks {

    /**
     * Whether plain {@code http} and loopback or private targets are allowed (dev and tests only).
     * Link-local and cloud metadata addresses are refused whatever this says.
     */
    @WithDefault("false")
    boolean allowInsecureTargets();

    /** Subscriptions one duckling may hold. */
    @WithDefault("20")
    int maxPerDuckling();

    /** Longest accepted target URL, in characters. */
    @WithDefault("2048")
    int maxUrlLength();

    /** How long a rotated-out secret keeps signing next to the new one. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** Whether this instance sends webhooks; several may, each message is locked while sent. */
    @WithDefault("true")
    boolean workerEnabled();

    /** How often the worker looks for due messages. */
    @WithDefault("1s")
    Duration workerInterval();

    /** Messages one claim (one query) takes at most. */
    @WithDefault("100")
    int batchSize();

    /**
     * Attempts one instance has in flight at most; the worker claims more as attempts finish, so a
     * slow endpoint holds only its own share.
     */
    @WithDefault("200")
    int concurrency();

    /**
     * Attempts in flight to one subscription at most, so one slow endpoint cannot take them all.
     */
    @WithDefault("20")
    int perSubscriptionConcurrency();

    /** One attempt's limit, connection and answer included. */
    @WithDefault("10s")
    Duration attemptTimeout();

    /**
     * Waits before the second, third... attempt; after the last one fails the message is given up.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h")
    List<Duration> retrySchedule();

    /** A subscription whose every attempt failed for this long is disabled. */
    @WithDefault("P5D")
    Duration disableAfter();
  }
}
