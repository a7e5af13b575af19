package com.spaceduck.identity.signin;

import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.identity.limits.ClientAddresses;
import com.spaceduck.identity.limits.Counters;
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
 * <p>An attempt is counted as a failure before the password is checked (both counters under row
 * locks, in one transaction), so parallel attempts can't slip past the limits, and given back when
 * the password turns out right.
 */
@ApplicationScoped
public class SigninThrottle {

  static final String ADDRESS_SCOPE = "signin-address";
  static final String ACCOUNT_SCOPE = "signin-account";

  private final Counters counters;
  private final Rule perAddress;
  private final int accountDailyFailures;

  public SigninThrottle(Counters counters, IdentityConfig config) {
    this.counters = counters;
    IdentityConfig.Signin signin = config.signin();
    this.perAddress =
        new Rule(
            Integer.MAX_VALUE,
            signin.freeFailuresPerAddress(),
            signin.initialDelay(),
            signin.maxDelay());
    this.accountDailyFailures = signin.accountDailyFailures();
  }

  /** The counters an attempt was charged to, for {@link #succeeded}. */
  public record Attempt(Counters.Key account, Counters.Key address) {}

  /**
   * Charges an attempt on {@code duckling} from {@code address} as a failure, or returns when it
   * will be allowed (nothing charged).
   */
  public Uni<Charge> charge(UUID duckling, String address, Instant now) {
    LocalDate day = Rule.day(now);
    Counters.Key account = new Counters.Key(ACCOUNT_SCOPE, duckling.toString(), day);
    Counters.Key from =
        new Counters.Key(ADDRESS_SCOPE, duckling + " " + ClientAddresses.bucket(address), day);
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
                                  Instant refused =
                                      perAddress.refusedUntil(mine.hits(), mine.lastAt(), now);
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
                                      .chain(() -> counters.add(connection, from, 1, now))
                                      .replaceWith(new Charge(new Attempt(account, from), null));
                                })));
  }

  /** The right password: the account's charge is given back and the address starts afresh. */
  public Uni<Void> succeeded(Attempt attempt) {
    return counters.giveBack(attempt.account()).chain(() -> counters.clear(attempt.address()));
  }

  /** Either the charged attempt, or when the next attempt is allowed. */
  public record Charge(Attempt attempt, Instant refusedUntil) {}
}
