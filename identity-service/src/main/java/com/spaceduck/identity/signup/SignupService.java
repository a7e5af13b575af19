package com.spaceduck.identity.signup;

import com.spaceduck.identity.Duckling;
import com.spaceduck.identity.DucklingRepository;
import com.spaceduck.identity.EmailAddresses;
import com.spaceduck.identity.password.PasswordHasher;
import com.spaceduck.platform.contracts.DucklingHatched;
import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Outbox;
import com.spaceduck.platform.events.UniqueViolations;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.sql.Database;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Registers ducklings and announces them with {@code duckling.hatched}. */
@ApplicationScoped
public class SignupService {

  private final DucklingRepository ducklings;
  private final PasswordHasher hasher;
  private final Outbox outbox;
  private final Database database;
  private final Clock clock;

  public SignupService(
      DucklingRepository ducklings,
      PasswordHasher hasher,
      Outbox outbox,
      Database database,
      Clock clock) {
    this.ducklings = ducklings;
    this.hasher = hasher;
    this.outbox = outbox;
    this.database = database;
    this.clock = clock;
  }

  /**
   * Hashes the password off the event loop, then inserts the duckling and its event in one
   * transaction. The transaction is opened only after hashing, so no database connection is held
   * during the slow part.
   */
  public Uni<SignupResponse> signup(SignupRequest request, String country) {
    String email = EmailAddresses.normalize(request.email());
    String displayName = request.displayName() == null ? null : request.displayName().strip();
    String name =
        displayName != null ? displayName : truncate(EmailAddresses.localPart(email), 100);
    return ducklings
        .emailTaken(email)
        .flatMap(
            taken -> {
              if (taken) {
                return Uni.createFrom().failure(alreadyExists());
              }
              return hasher.hash(request.password());
            })
        .flatMap(hash -> database.inTransaction(() -> insert(email, name, hash, country)))
        .onFailure(UniqueViolations::is)
        .transform(ignored -> alreadyExists());
  }

  /**
   * The duckling's row goes first, so a duplicate email that slipped past the check above fails its
   * insert, and the transaction rolls back before the event is written.
   */
  private Uni<SignupResponse> insert(String email, String name, String hash, String country) {
    Duckling duckling = new Duckling();
    duckling.id = UUID.randomUUID();
    duckling.email = email;
    duckling.emailDomain = EmailAddresses.domain(email);
    duckling.displayName = name;
    duckling.passwordHash = hash;
    duckling.trustTier = TrustTier.T0;
    duckling.country = country;
    duckling.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    DucklingHatched data =
        new DucklingHatched(duckling.id, duckling.displayName, duckling.emailDomain, country);
    return ducklings
        .insert(duckling)
        .chain(() -> outbox.append(duckling.id.toString(), data))
        .map(
            event ->
                new SignupResponse(
                    duckling.id,
                    duckling.email,
                    duckling.displayName,
                    duckling.trustTier.name(),
                    duckling.createdAt));
  }

  private static ProblemException alreadyExists() {
    return new ProblemException(
        ErrorKind.CONFLICT,
        "An identity with this email already exists. Use sign-in or account recovery.");
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
