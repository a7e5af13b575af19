package com.spaceduck.identity.signin;

import com.spaceduck.identity.Duckling;
import com.spaceduck.identity.DucklingRepository;
import com.spaceduck.identity.EmailAddresses;
import com.spaceduck.identity.Operators;
import com.spaceduck.identity.limits.Rule;
import com.spaceduck.identity.password.PasswordHasher;
import com.spaceduck.identity.token.TokenIssuer;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Password sign-in, throttled per (account, client address) by {@link SigninThrottle}.
 *
 * <p>Unknown emails and wrong passwords get the same 401 after the same work (an unknown email is
 * checked against a dummy hash). A throttled address gets 429 E4004 with Retry-After without a hash
 * being computed; other addresses, the owner's among them, are not slowed by its failures.
 */
@ApplicationScoped
public class SigninService {

  private final DucklingRepository ducklings;
  private final PasswordHasher hasher;
  private final TokenIssuer tokens;
  private final Operators operators;
  private final SigninThrottle throttle;
  private final Clock clock;

  public SigninService(
      DucklingRepository ducklings,
      PasswordHasher hasher,
      TokenIssuer tokens,
      Operators operators,
      SigninThrottle throttle,
      Clock clock) {
    this.ducklings = ducklings;
    this.hasher = hasher;
    this.tokens = tokens;
    this.operators = operators;
    this.throttle = throttle;
    this.clock = clock;
  }

  /** Signs in from {@code address}, the client address the gateway saw. */
  public Uni<SigninResponse> signin(SigninRequest request, String address) {
    String email = EmailAddresses.normalize(request.email());
    return ducklings
        .findByEmail(email)
        .flatMap(
            duckling -> {
              if (duckling == null) {
                return hasher.verify(request.password(), null).flatMap(ignored -> incorrect());
              }
              Instant now = clock.instant();
              return throttle
                  .charge(duckling.id, address, now)
                  .flatMap(
                      charged -> {
                        if (charged.refusedUntil() != null) {
                          return Uni.createFrom().failure(throttled(now, charged.refusedUntil()));
                        }
                        return hasher
                            .verify(request.password(), duckling.passwordHash)
                            .flatMap(
                                matches ->
                                    matches
                                        ? throttle
                                            .succeeded(charged.attempt())
                                            .chain(() -> issue(duckling))
                                        : throttle
                                            .failed(charged.attempt(), clock.instant())
                                            .chain(SigninService::incorrect));
                      });
            });
  }

  private Uni<SigninResponse> issue(Duckling duckling) {
    return operators
        .groups(duckling.id)
        .map(
            groups -> {
              TokenIssuer.IssuedToken token = tokens.issue(duckling.id, duckling.trustTier, groups);
              return new SigninResponse(token.token(), "Bearer", token.expiresIn());
            });
  }

  private static Uni<SigninResponse> incorrect() {
    return Uni.createFrom()
        .failure(
            new ProblemException(ErrorKind.UNAUTHORIZED, "The email or password is incorrect."));
  }

  private static ProblemException throttled(Instant now, Instant until) {
    long seconds = Rule.secondsUntil(now, until);
    return new ProblemException(
            ErrorKind.TOO_MANY_REQUESTS,
            "Too many failed sign-ins for this account from your address; try again in "
                + seconds
                + " seconds.")
        .retryAfter(seconds);
  }
}
