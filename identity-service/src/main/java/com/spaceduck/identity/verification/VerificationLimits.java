package com.spaceduck.identity.verification;

import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.identity.limits.CounterRepository;
import com.spaceduck.identity.limits.Rule;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The caps on verification: codes sent per duckling and channel and per phone number, with a
 * growing wait between sends, and wrong guesses per duckling and channel per day across all codes,
 * so a new code never brings new guesses. Refusals are 429 E4004 with Retry-After.
 */
@ApplicationScoped
public class VerificationLimits {

  private final CounterRepository counters;
  private final Rule sends;
  private final Rule numberSends;
  private final Rule failures;
  private final List<String> phonePrefixes;

  public VerificationLimits(CounterRepository counters, IdentityConfig config) {
    this.counters = counters;
    IdentityConfig.Verification verification = config.verification();
    this.sends =
        new Rule(
            verification.dailySends(),
            1,
            verification.resendDelay(),
            verification.maxResendDelay());
    this.numberSends =
        new Rule(
            verification.dailySendsPerNumber(),
            1,
            verification.resendDelay(),
            verification.maxResendDelay());
    this.failures = Rule.capped(verification.dailyFailures());
    this.phonePrefixes = List.copyOf(verification.phonePrefixes());
  }

  /** 400 on {@code phone} unless the number starts with an allowed prefix. */
  public void requireAllowedNumber(String phone) {
    for (String prefix : phonePrefixes) {
      if (phone.startsWith(prefix)) {
        return;
      }
    }
    throw ProblemException.invalid(
        "Codes can't be sent to this phone number.",
        List.of(new FieldError("phone", "numbers in this country or range are not supported")));
  }

  /** Takes a send of the duckling on the channel, or fails with 429. */
  public Uni<Void> takeSend(UUID duckling, Channel channel, Instant now) {
    return take(
        new CounterRepository.Key("send-" + channel.id(), duckling.toString(), Rule.day(now)),
        sends,
        now,
        "Too many codes were sent to you by " + channel.id() + " lately");
  }

  /** Takes a send to the number, whoever asks, or fails with 429. */
  public Uni<Void> takeNumberSend(String phone, Instant now) {
    return take(
        new CounterRepository.Key("send-number", phone, Rule.day(now)),
        numberSends,
        now,
        "Too many codes were sent to this phone number lately");
  }

  /**
   * Takes a guess (counted as wrong until {@link #giveBackGuess} says otherwise), or fails with 429
   * once today's wrong guesses are used up.
   */
  public Uni<CounterRepository.Key> takeGuess(UUID duckling, Channel channel, Instant now) {
    CounterRepository.Key key =
        new CounterRepository.Key("guess-" + channel.id(), duckling.toString(), Rule.day(now));
    return take(key, failures, now, "Too many wrong codes were entered today").replaceWith(key);
  }

  public Uni<Void> giveBackGuess(CounterRepository.Key key) {
    return counters.giveBack(key);
  }

  private Uni<Void> take(CounterRepository.Key key, Rule rule, Instant now, String why) {
    return counters
        .take(key, rule, now)
        .invoke(
            refused -> {
              if (refused != null) {
                long seconds = Rule.secondsUntil(now, refused);
                throw new ProblemException(
                        ErrorKind.TOO_MANY_REQUESTS,
                        why + "; try again in " + seconds + " seconds.")
                    .retryAfter(seconds);
              }
            })
        .replaceWithVoid();
  }
}
