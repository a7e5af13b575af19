package com.spaceduck.identity.trust;

import com.spaceduck.identity.Duckling;
import com.spaceduck.identity.DucklingRepository;
import com.spaceduck.identity.Operators;
import com.spaceduck.identity.agents.AgentRepository;
import com.spaceduck.identity.auth.Caller;
import com.spaceduck.platform.contracts.TrustElevated;
import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.events.Outbox;
import com.spaceduck.platform.events.UniqueViolations;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.sql.Database;
import com.spaceduck.platform.sql.InTransaction;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Trust tiers are climbed one at a time. T1 is granted at once when email and phone are verified;
 * T2 (legal name and postal address) and T3 (T2 plus a bonded agent) become pending requests that
 * an operator approves or rejects. Every change of tier emits {@code trust.elevated} in its
 * transaction. Operator actions check {@link Operators#require} first: a current operator with an
 * sd_token.
 */
@ApplicationScoped
public class TrustService {

  public static final String GRANTED = "granted";

  private final DucklingRepository ducklings;
  private final ElevationRepository elevations;
  private final AgentRepository agents;
  private final Outbox outbox;
  private final Operators operators;
  private final Database database;
  private final Clock clock;

  public TrustService(
      DucklingRepository ducklings,
      ElevationRepository elevations,
      AgentRepository agents,
      Outbox outbox,
      Operators operators,
      Database database,
      Clock clock) {
    this.ducklings = ducklings;
    this.elevations = elevations;
    this.agents = agents;
    this.outbox = outbox;
    this.operators = operators;
    this.database = database;
    this.clock = clock;
  }

  public Uni<TrustResponse> status(Caller caller) {
    return owner(caller, false)
        .flatMap(
            duckling ->
                elevations
                    .findPending(duckling.id)
                    .flatMap(
                        pending ->
                            agents
                                .countBonded(duckling.id)
                                .map(
                                    bonded ->
                                        new TrustResponse(
                                            duckling.trustTier.name(),
                                            duckling.emailVerified(),
                                            duckling.phoneVerified(),
                                            bonded,
                                            pending == null
                                                ? null
                                                : ElevationResponse.of(
                                                    pending, duckling.trustTier.name())))));
  }

  public Uni<ElevationResponse> elevate(Caller caller, ElevateRequest request) {
    TrustTier target = TrustTier.parse(request.targetTier()).orElseThrow();
    // Opened here rather than with @InTransaction: a duplicate pending request fails its insert
    // and leaves the transaction aborted, so the translation wraps the rolled-back transaction.
    return database
        .inTransaction(
            () ->
                // Locked, so two elevations of one duckling run one after the other.
                owner(caller, true).flatMap(duckling -> elevate(duckling, target, request)))
        .onFailure(UniqueViolations::is)
        .transform(ignored -> alreadyPending());
  }

  private Uni<ElevationResponse> elevate(
      Duckling duckling, TrustTier target, ElevateRequest request) {
    TrustTier current = duckling.trustTier;
    if (!current.below(target)) {
      throw new ProblemException(
              ErrorKind.CONFLICT, "You are already at trust tier " + current.name() + ".")
          .with("trust_tier", current.name());
    }
    TrustTier next = current.next().orElseThrow();
    if (target != next) {
      throw ProblemException.invalid(
          "Trust tiers are gained one at a time.",
          List.of(new FieldError("target_tier", "must be " + next.name() + ", your next tier")));
    }
    return switch (target) {
      case T1 -> grantT1(duckling);
      case T2 -> requestT2(duckling, request);
      case T3 -> requestT3(duckling);
      case T0 -> throw new IllegalStateException("T0 is never a target");
    };
  }

  private Uni<ElevationResponse> grantT1(Duckling duckling) {
    List<String> missing = new ArrayList<>();
    if (!duckling.emailVerified()) {
      missing.add("email_verified");
    }
    if (!duckling.phoneVerified()) {
      missing.add("phone_verified");
    }
    if (!missing.isEmpty()) {
      throw new ProblemException(
              ErrorKind.FORBIDDEN,
              "Trust tier T1 requires a verified email address and a verified phone number.")
          .with("missing", missing);
    }
    Instant now = now();
    TrustTier from = duckling.trustTier;
    duckling.trustTier = TrustTier.T1;
    return ducklings
        .updateTrustTier(duckling.id, TrustTier.T1)
        .chain(() -> emitElevated(duckling.id, from, TrustTier.T1))
        .replaceWith(
            new ElevationResponse(
                null,
                duckling.id,
                GRANTED,
                from.name(),
                TrustTier.T1.name(),
                TrustTier.T1.name(),
                null,
                null,
                null,
                now,
                now));
  }

  private Uni<ElevationResponse> requestT2(Duckling duckling, ElevateRequest request) {
    String legalName = trimmed(request.legalName());
    String address = trimmed(request.postalAddress());
    List<FieldError> errors = new ArrayList<>();
    if (legalName == null) {
      errors.add(new FieldError("legal_name", "is required for T2"));
    }
    if (address == null) {
      errors.add(new FieldError("postal_address", "is required for T2"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("Trust tier T2 needs your legal name and address.", errors);
    }
    return createPending(duckling, TrustTier.T2, legalName, address);
  }

  private Uni<ElevationResponse> requestT3(Duckling duckling) {
    return agents
        .countBonded(duckling.id)
        .flatMap(
            bonded -> {
              if (bonded == 0) {
                throw new ProblemException(
                        ErrorKind.FORBIDDEN, "Trust tier T3 requires at least one bonded agent.")
                    .with("missing", List.of("bonded_agent"));
              }
              return createPending(duckling, TrustTier.T3, null, null);
            });
  }

  private Uni<ElevationResponse> createPending(
      Duckling duckling, TrustTier target, String legalName, String address) {
    return elevations
        .findPending(duckling.id)
        .flatMap(
            pending -> {
              if (pending != null) {
                throw alreadyPending();
              }
              Elevation elevation = new Elevation();
              elevation.id = UUID.randomUUID();
              elevation.ducklingId = duckling.id;
              elevation.fromTier = duckling.trustTier;
              elevation.targetTier = target;
              elevation.status = ElevationStatus.PENDING;
              elevation.legalName = legalName;
              elevation.postalAddress = address;
              elevation.createdAt = now();
              return elevations
                  .insert(elevation)
                  .replaceWith(() -> ElevationResponse.of(elevation, duckling.trustTier.name()));
            });
  }

  public Uni<ElevationListResponse> list(Caller operator, ElevationStatus status) {
    return operators
        .require(operator)
        .chain(() -> elevations.listByStatus(status))
        .map(
            found ->
                new ElevationListResponse(
                    found.stream().map(e -> ElevationResponse.of(e, null)).toList()));
  }

  /** An operator grants a pending request: the duckling moves up and the change is announced. */
  @InTransaction
  public Uni<ElevationResponse> approve(Caller operator, UUID requestId, DecisionRequest decision) {
    return decidable(operator, requestId)
        .flatMap(
            elevation ->
                ducklings
                    .lockDuckling(elevation.ducklingId)
                    .flatMap(
                        duckling -> {
                          if (duckling.trustTier != elevation.fromTier) {
                            throw new ProblemException(
                                ErrorKind.CONFLICT,
                                "The duckling's tier changed since the request was made;"
                                    + " reject it instead.");
                          }
                          duckling.trustTier = elevation.targetTier;
                          return decide(elevation, ElevationStatus.APPROVED, operator, decision)
                              .chain(
                                  () ->
                                      ducklings.updateTrustTier(duckling.id, elevation.targetTier))
                              .chain(
                                  () ->
                                      emitElevated(
                                          duckling.id, elevation.fromTier, elevation.targetTier))
                              .replaceWith(
                                  () -> ElevationResponse.of(elevation, duckling.trustTier.name()));
                        }));
  }

  @InTransaction
  public Uni<ElevationResponse> reject(Caller operator, UUID requestId, DecisionRequest decision) {
    return decidable(operator, requestId)
        .chain(
            elevation ->
                decide(elevation, ElevationStatus.REJECTED, operator, decision)
                    .replaceWith(() -> ElevationResponse.of(elevation, elevation.fromTier.name())));
  }

  private Uni<Elevation> decidable(Caller operator, UUID requestId) {
    return operators
        .require(operator)
        .chain(() -> elevations.lock(requestId))
        .map(
            elevation -> {
              if (elevation == null) {
                throw new ProblemException(
                    ErrorKind.NOT_FOUND, "No elevation request with this id.");
              }
              if (elevation.status != ElevationStatus.PENDING) {
                throw new ProblemException(
                    ErrorKind.CONFLICT, "This request is already " + elevation.status.id() + ".");
              }
              if (elevation.ducklingId.equals(operator.ducklingId())) {
                throw new ProblemException(
                    ErrorKind.FORBIDDEN, "Operators can't decide their own elevation requests.");
              }
              return elevation;
            });
  }

  /** Records the decision on the (locked) request, in memory and in its row. */
  private Uni<Void> decide(
      Elevation elevation, ElevationStatus status, Caller operator, DecisionRequest decision) {
    elevation.status = status;
    elevation.decidedBy = operator.ducklingId();
    elevation.decidedAt = now();
    elevation.reason = decision == null ? null : trimmed(decision.reason());
    return elevations.decide(elevation);
  }

  private Uni<Void> emitElevated(UUID ducklingId, TrustTier from, TrustTier to) {
    return outbox
        .append(ducklingId.toString(), new TrustElevated(ducklingId, from, to))
        .replaceWithVoid();
  }

  /** The caller's duckling, locked ({@code for update}) when {@code lock}; 401 if it is gone. */
  private Uni<Duckling> owner(Caller caller, boolean lock) {
    UUID id = caller.ducklingId();
    return (lock ? ducklings.lockDuckling(id) : ducklings.findDuckling(id))
        .map(
            duckling -> {
              if (duckling == null) {
                throw new UnauthorizedException();
              }
              return duckling;
            });
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static ProblemException alreadyPending() {
    return new ProblemException(
        ErrorKind.CONFLICT, "An elevation request is already pending for you.");
  }

  private static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
