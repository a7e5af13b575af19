package com.spaceduck.identity.verification;

import com.spaceduck.identity.Duckling;
import com.spaceduck.identity.DucklingRepository;
import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.identity.auth.Caller;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.sql.Database;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Email and phone verification by 6-digit one-time codes: only the newest code per channel is
 * valid, for {@code code-lifetime}, for at most {@code max-attempts} guesses; sends and wrong
 * guesses are capped per day by {@link VerificationLimits}. Codes are stored as SHA-256 of (code
 * id, code); the clear code goes only to the {@link Notifier}.
 */
@ApplicationScoped
public class VerificationService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DucklingRepository ducklings;
  private final VerificationCodeRepository codes;
  private final Notifier notifier;
  private final VerificationLimits limits;
  private final Database database;
  private final IdentityConfig.Verification config;
  private final Clock clock;

  public VerificationService(
      DucklingRepository ducklings,
      VerificationCodeRepository codes,
      Notifier notifier,
      VerificationLimits limits,
      Database database,
      IdentityConfig config,
      Clock clock) {
    this.ducklings = ducklings;
    this.codes = codes;
    this.notifier = notifier;
    this.limits = limits;
    this.database = database;
    this.config = config.verification();
    this.clock = clock;
  }

  /** The outcome of a guess, decided (and its attempt counted) inside the transaction. */
  private enum Outcome {
    VERIFIED,
    NO_CODE,
    EXPIRED,
    EXHAUSTED,
    WRONG
  }

  // Transactions are steps here, not the method (no @InTransaction): the abuse counters take their
  // hit in a transaction of their own first, so a refused or failed attempt still counts.
  public Uni<CodeSentResponse> sendEmailCode(Caller caller) {
    Instant now = now();
    return owner(caller)
        .flatMap(
            duckling -> {
              if (duckling.emailVerified()) {
                throw new ProblemException(
                    ErrorKind.CONFLICT, "Your email address is already verified.");
              }
              return limits
                  .takeSend(duckling.id, Channel.EMAIL, now)
                  .chain(
                      () ->
                          database.inTransaction(
                              () -> issue(duckling.id, Channel.EMAIL, duckling.email, now)));
            });
  }

  /**
   * Phone codes only for ducklings with a verified email (403 E4002 otherwise), so fresh throw-away
   * accounts can't send SMS, and only to allowed prefixes (400).
   */
  public Uni<CodeSentResponse> sendPhoneCode(Caller caller, String phone) {
    limits.requireAllowedNumber(phone);
    Instant now = now();
    return owner(caller)
        .flatMap(
            duckling -> {
              if (!duckling.emailVerified()) {
                throw new ProblemException(
                        ErrorKind.FORBIDDEN, "Verify your email address before your phone number.")
                    .with("missing", List.of("email"));
              }
              if (duckling.phoneVerified() && phone.equals(duckling.phone)) {
                throw new ProblemException(
                    ErrorKind.CONFLICT, "This phone number is already verified.");
              }
              return limits
                  .takeSend(duckling.id, Channel.PHONE, now)
                  .chain(() -> limits.takeNumberSend(phone, now))
                  .chain(
                      () ->
                          database.inTransaction(
                              () -> issue(duckling.id, Channel.PHONE, phone, now)));
            });
  }

  /**
   * Checks a code. The guess is charged to the daily count of wrong guesses before the check (so
   * parallel guesses all count) and given back when it was not a wrong guess of a live code.
   */
  public Uni<VerifiedResponse> confirm(Caller caller, Channel channel, String code) {
    return limits
        .takeGuess(caller.ducklingId(), channel, now())
        .flatMap(
            guess ->
                database
                    .inTransaction(() -> check(caller, channel, code))
                    .call(
                        outcome ->
                            outcome == Outcome.WRONG
                                ? Uni.createFrom().voidItem()
                                : limits.giveBackGuess(guess)))
        // Failures are raised after commit, so a wrong guess stays counted.
        .flatMap(
            outcome ->
                switch (outcome) {
                  case VERIFIED ->
                      owner(caller)
                          .map(d -> new VerifiedResponse(d.emailVerified(), d.phoneVerified()));
                  case NO_CODE -> invalid("no code is pending; request a new one");
                  case EXPIRED -> invalid("has expired; request a new one");
                  case EXHAUSTED -> invalid("was guessed wrong too often; request a new one");
                  case WRONG -> invalid("is incorrect");
                });
  }

  private Uni<Outcome> check(Caller caller, Channel channel, String code) {
    Instant now = now();
    return codes
        .pending(caller.ducklingId(), channel)
        .flatMap(
            pending -> {
              if (pending == null) {
                return Uni.createFrom().item(Outcome.NO_CODE);
              }
              if (!now.isBefore(pending.expiresAt)) {
                return Uni.createFrom().item(Outcome.EXPIRED);
              }
              if (pending.attempts >= config.maxAttempts()) {
                return Uni.createFrom().item(Outcome.EXHAUSTED);
              }
              if (!MessageDigest.isEqual(
                  hash(pending.id, code).getBytes(StandardCharsets.US_ASCII),
                  pending.codeHash.getBytes(StandardCharsets.US_ASCII))) {
                return codes.countWrongAttempt(pending.id).replaceWith(Outcome.WRONG);
              }
              Uni<Void> verified =
                  channel == Channel.EMAIL
                      ? ducklings.markEmailVerified(caller.ducklingId(), now)
                      : ducklings.markPhoneVerified(caller.ducklingId(), pending.destination, now);
              return codes
                  .consume(pending.id, now)
                  .chain(() -> verified)
                  .replaceWith(Outcome.VERIFIED);
            });
  }

  private Uni<CodeSentResponse> issue(
      UUID ducklingId, Channel channel, String destination, Instant now) {
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    VerificationCode row = new VerificationCode();
    row.id = UUID.randomUUID();
    row.ducklingId = ducklingId;
    row.channel = channel;
    row.destination = destination;
    row.codeHash = hash(row.id, code);
    row.expiresAt = now.plus(config.codeLifetime());
    row.createdAt = now;
    long minutes = Math.max(1, config.codeLifetime().toMinutes());
    String body =
        "Your Space Duck verification code is "
            + code
            + ". It expires in "
            + minutes
            + " minutes. If you did not ask for it, ignore this message.";
    return codes
        .discardPending(ducklingId, channel)
        .chain(() -> codes.insert(row))
        .chain(() -> notifier.send(channel, destination, "Your Space Duck verification code", body))
        .replaceWith(new CodeSentResponse(channel.id(), destination, row.expiresAt));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Uni<Duckling> owner(Caller caller) {
    return ducklings
        .findDuckling(caller.ducklingId())
        .map(
            duckling -> {
              if (duckling == null) {
                throw new UnauthorizedException();
              }
              return duckling;
            });
  }

  private static <T> Uni<T> invalid(String message) {
    return Uni.createFrom()
        .failure(
            ProblemException.invalid(
                "The verification code was not accepted.",
                List.of(new FieldError("code", message))));
  }

  static String hash(UUID codeId, String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest((codeId + ":" + code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
