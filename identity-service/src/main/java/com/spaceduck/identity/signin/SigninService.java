package com.spaceduck.identity.signin;

import com.spaceduck.identity.Duckling;
import com.spaceduck.identity.DucklingRepository;
import com.spaceduck.identity.EmailAddresses;
import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.identity.Operators;
import com.spaceduck.identity.password.PasswordHasher;
import com.spaceduck.identity.token.TokenIssuer;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Password sign-in with per-account lock-out.
 *
 * <p>Unknown emails and wrong passwords get the same 401 after the same work (an unknown email is
 * checked against a dummy hash). After {@code lockout-threshold} failures in a row the account is
 * locked for {@code lockout-initial}, doubling with each further failure up to {@code lockout-max};
 * while locked, sign-in answers 429 E4004 with Retry-After without checking the password. A lock
 * does show that the account exists, which sign-up's 409 already tells anyone, so nothing new
 * leaks. Per-IP limits are the gateway's.
 */
@ApplicationScoped
public class SigninService {

  private final DucklingRepository ducklings;
  private final PasswordHasher hasher;
  private final TokenIssuer tokens;
  private final Operators operators;
  private final IdentityConfig.Signin config;
  private final Clock clock;

  public SigninService(
      DucklingRepository ducklings,
      PasswordHasher hasher,
      TokenIssuer tokens,
      Operators operators,
      IdentityConfig config,
      Clock clock) {
    this.ducklings = ducklings;
    this.hasher = hasher;
    this.tokens = tokens;
    this.operators = operators;
    this.config = config.signin();
    this.clock = clock;
  }

  public Uni<SigninResponse> signin(SigninRequest request) {
    String email = EmailAddresses.normalize(request.email());
    return ducklings
        .findByEmail(email)
        .flatMap(
            duckling -> {
              Instant now = clock.instant();
              if (duckling != null
                  && duckling.lockedUntil != null
                  && now.isBefore(duckling.lockedUntil)) {
                return Uni.createFrom().failure(locked(now, duckling.lockedUntil));
              }
              String stored = duckling == null ? null : duckling.passwordHash;
              return hasher
                  .verify(request.password(), stored)
                  .flatMap(matches -> matches ? succeed(duckling) : fail(duckling));
            });
  }

  private Uni<SigninResponse> succeed(Duckling duckling) {
    Uni<Void> reset =
        duckling.failedSignins == 0 && duckling.lockedUntil == null
            ? Uni.createFrom().voidItem()
            : Panache.withTransaction(
                    () ->
                        ducklings.update(
                            "failedSignins = 0, lockedUntil = null where id = ?1", duckling.id))
                .replaceWithVoid();
    return reset.map(
        ignored -> {
          TokenIssuer.IssuedToken token =
              tokens.issue(
                  duckling.id,
                  duckling.trustTier,
                  operators.groups(duckling.email, duckling.emailVerified()));
          return new SigninResponse(token.token(), "Bearer", token.expiresIn());
        });
  }

  private Uni<SigninResponse> fail(Duckling duckling) {
    Uni<Void> recorded =
        duckling == null ? Uni.createFrom().voidItem() : recordFailure(duckling.id);
    return recorded.flatMap(
        ignored ->
            Uni.createFrom()
                .failure(
                    new ProblemException(
                        ErrorKind.UNAUTHORIZED, "The email or password is incorrect.")));
  }

  /** Counts the failure under a row lock, so concurrent failures all count. */
  private Uni<Void> recordFailure(UUID id) {
    return Panache.withTransaction(
        () ->
            ducklings
                .findById(id, LockModeType.PESSIMISTIC_WRITE)
                .invoke(
                    duckling -> {
                      duckling.failedSignins++;
                      int over = duckling.failedSignins - config.lockoutThreshold();
                      if (over >= 0) {
                        duckling.lockedUntil = clock.instant().plus(lockDuration(over));
                      }
                    })
                .replaceWithVoid());
  }

  /** {@code initial * 2^over}, at most {@code max}. */
  Duration lockDuration(int over) {
    Duration lock = config.lockoutInitial().multipliedBy(1L << Math.min(over, 30));
    return lock.compareTo(config.lockoutMax()) > 0 ? config.lockoutMax() : lock;
  }

  private static ProblemException locked(Instant now, Instant until) {
    long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
    return new ProblemException(
            ErrorKind.TOO_MANY_REQUESTS,
            "Too many failed sign-ins for this account; try again in " + seconds + " seconds.")
        .retryAfter(seconds);
  }
}
