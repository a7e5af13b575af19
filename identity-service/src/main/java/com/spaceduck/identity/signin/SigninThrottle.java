package com.spaceduck.identity.signin;

import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.identity.limits.ClientAddresses;
import com.spaceduck.identity.limits.CounterRepository;
import com.spaceduck.identity.limits.Rule;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Progressive delay for failed sign-ins, per (account, client address), with a daily ceiling per
 * account that only binds addresses that have already failed on it.
 *
 * <p>Each attempt is admitted under row locks before the password is checked, so parallel attempts
 * can't slip past the limits: while an address has free failures left, at most {@code
 * max-in-flight-per-address} of its attempts are checked at once; after that one at a time, each
 * admission restarting the wait. The account counts every admitted attempt until it turns out
 * right.
 */
@ApplicationScoped
public class SigninThrottle {

  static final String ADDRESS_SCOPE = "signin-address";
  static final String ACCOUNT_SCOPE = "signin-account";

  private final CounterRepository counters;
  private final Rule perAddress;
  private final int maxInFlight;
  private final int accountDailyFailures;

  public SigninThrottle(CounterRepository counters, IdentityConfig config) {
    this.counters = counters;
    IdentityConfig.Signin signin = config.signin();
    this.perAddress =
        new Rule(
            Integer.MAX_VALUE,
            signin.freeFailuresPerAddress(),
            signin.initialDelay(),
            signin.maxDelay());
    this.maxInFlight = signin.maxInFlightPerAddress();
    this.accountDailyFailures = signin.accountDailyFailures();
  }

  /** The counters an admitted attempt was charged to, to settle it afterwards. */
  public record Attempt(CounterRepository.Key account, CounterRepository.Key address) {}

  /** Either the admitted attempt, or when the next attempt is allowed. */
  public record Charge(Attempt attempt, Instant refusedUntil) {}

  /** Admits an attempt on {@code duckling} from {@code address}, or says when to come back. */
  public Uni<Charge> charge(UUID duckling, String address, Instant now) {
    LocalDate day = Rule.day(now);
    CounterRepository.Key account =
        new CounterRepository.Key(ACCOUNT_SCOPE, duckling.toString(), day);
    CounterRepository.Key from =
        new CounterRepository.Key(
            ADDRESS_SCOPE, duckling + " " + ClientAddresses.bucket(address), day);
    return counters.inTransaction(
        connection ->
            // Always the account row first, so concurrent attempts lock in one order.
            counters
                .lock(connection, account)
                .flatMap(
                    total ->
                        counters
                            .lock(connection, from)
                            .flatMap(
                                mine -> {
                                  boolean throttled = mine.hits() >= perAddress.free();
                                  Instant refused =
                                      perAddress.refusedUntil(mine.hits(), mine.lastAt(), now);
                                  if (!throttled && mine.pending() >= maxInFlight) {
                                    refused = now.plusSeconds(1);
                                  }
                                  if (refused == null
                                      && mine.hits() > 0
                                      && total.hits() >= accountDailyFailures) {
                                    refused = Rule.startOfNextDay(now);
                                  }
                                  if (refused != null) {
                                    return Uni.createFrom().item(new Charge(null, refused));
                                  }
                                  return counters
                                      .add(connection, account, 1, now)
                                      // A throttled address's wait restarts at admission, so
                                      // only one attempt gets through each time it ends.
                                      .chain(
                                          () ->
                                              counters.change(
                                                  connection, from, 0, 1, throttled ? now : null))
                                      .replaceWith(new Charge(new Attempt(account, from), null));
                                })));
  }

  /** A wrong password: the address's failure is counted; the account's charge stands. */
  public Uni<Void> failed(Attempt attempt, Instant now) {
    return counters.change(attempt.address(), 1, -1, now);
  }

  /** The right password: the account's charge is given back and the address starts afresh. */
  public Uni<Void> succeeded(Attempt attempt) {
    return counters.giveBack(attempt.account()).chain(() -> counters.reset(attempt.address(), -1));
  }
}
