package com.spaceduck.identity;

import com.spaceduck.platform.config.SettingsCheck;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/** The ranges of {@link IdentityConfig}, checked before anything else starts. */
@ApplicationScoped
class IdentitySettings {

  /** An E.164 prefix: a country code, or a longer prefix of one. */
  private static final Pattern PHONE_PREFIX = Pattern.compile("\\+[1-9][0-9]{0,7}");

  void check(@Observes @Priority(1) StartupEvent start, IdentityConfig config) {
    check(config).orFail();
  }

  static SettingsCheck check(IdentityConfig config) {
    IdentityConfig.Password password = config.password();
    IdentityConfig.Signin signin = config.signin();
    IdentityConfig.Verification verification = config.verification();
    IdentityConfig.Webhooks webhooks = config.webhooks();
    return SettingsCheck.of("spaceduck.identity")
        .between("password.memory-kib", password.memoryKib(), 1024, 1_048_576)
        .between("password.iterations", password.iterations(), 1, 10)
        .between("password.parallelism", password.parallelism(), 1, 16)
        .between("password.concurrency", password.concurrency(), 1, 256)
        .between("password.queue-size", password.queueSize(), 0, 100_000)
        .atLeast("signin.free-failures-per-address", signin.freeFailuresPerAddress(), 1)
        .between("signin.max-in-flight-per-address", signin.maxInFlightPerAddress(), 1, 64)
        .atLeast("signin.account-daily-failures", signin.accountDailyFailures(), 1)
        .between("client-address.forwarded-hops", config.clientAddress().forwardedHops(), 0, 10)
        .between("keys.default-lifetime-days", config.keys().defaultLifetimeDays(), 1, 365)
        .atLeast("keys.max-active-per-duckling", config.keys().maxActivePerDuckling(), 1)
        .atLeast("verification.max-attempts", verification.maxAttempts(), 1)
        .atLeast("verification.daily-failures", verification.dailyFailures(), 1)
        .atLeast("verification.daily-sends", verification.dailySends(), 1)
        .atLeast("verification.daily-sends-per-number", verification.dailySendsPerNumber(), 1)
        .everyMatches(
            "verification.phone-prefixes",
            verification.phonePrefixes(),
            PHONE_PREFIX,
            "must be + and 1 to 8 digits")
        .atLeast("pageviews.buffer-capacity", config.pageviews().bufferCapacity(), 1)
        .between("pageviews.batch-size", config.pageviews().batchSize(), 1, 10_000)
        .between("webhooks.max-per-duckling", webhooks.maxPerDuckling(), 1, 1000)
        .between("webhooks.max-url-length", webhooks.maxUrlLength(), 64, 8192)
        .between("webhooks.batch-size", webhooks.batchSize(), 1, 10_000)
        .between("webhooks.concurrency", webhooks.concurrency(), 1, 10_000)
        .between(
            "webhooks.per-subscription-concurrency",
            webhooks.perSubscriptionConcurrency(),
            1,
            1000);
  }
}
