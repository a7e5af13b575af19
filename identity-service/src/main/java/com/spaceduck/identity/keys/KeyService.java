package com.spaceduck.identity.keys;

import com.spaceduck.identity.DucklingRepository;
import com.spaceduck.identity.IdentityConfig;
import com.spaceduck.identity.auth.Caller;
import com.spaceduck.platform.contracts.TrustTier;
import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import com.spaceduck.platform.sql.InTransaction;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Creating, listing and revoking Beak Keys. */
@ApplicationScoped
public class KeyService {

  private final BeakKeyRepository keys;
  private final DucklingRepository ducklings;
  private final IdentityConfig.Keys config;
  private final Clock clock;

  public KeyService(
      BeakKeyRepository keys, DucklingRepository ducklings, IdentityConfig config, Clock clock) {
    this.keys = keys;
    this.ducklings = ducklings;
    this.config = config.keys();
    this.clock = clock;
  }

  /**
   * A new key. Only an {@code sd_token} may create keys, so a leaked key cannot mint more; the
   * key's tier may not exceed the owner's current tier (403 E4002, like any tier shortfall).
   */
  @InTransaction
  public Uni<CreatedKeyResponse> create(Caller caller, CreateKeyRequest request) {
    if (caller.credential() != Caller.Credential.SD_TOKEN) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  ErrorKind.FORBIDDEN,
                  "Beak Keys can only be created with an sd_token; sign in to get one."));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    // The owner's row lock serialises concurrent creations, so the count below can't be passed by
    // two requests at once.
    return ducklings
        .lockDuckling(caller.ducklingId())
        .flatMap(
            owner -> {
              if (owner == null) {
                throw new UnauthorizedException();
              }
              TrustTier tier =
                  request.tier() == null
                      ? owner.trustTier
                      : TrustTier.parse(request.tier()).orElseThrow();
              if (owner.trustTier.below(tier)) {
                throw new ProblemException(
                        ErrorKind.FORBIDDEN,
                        "A key's tier can't exceed your trust tier ("
                            + owner.trustTier.name()
                            + ").")
                    .with("trust_tier", owner.trustTier.name());
              }
              return keys.countActive(owner.id, now)
                  .flatMap(
                      active -> {
                        if (active >= config.maxActivePerDuckling()) {
                          throw new ProblemException(
                              ErrorKind.CONFLICT,
                              "You already have "
                                  + active
                                  + " active Beak Keys, the most allowed; revoke one first.");
                        }
                        String secret = BeakKeys.generate();
                        BeakKey key = new BeakKey();
                        key.id = UUID.randomUUID();
                        key.ducklingId = owner.id;
                        key.name = request.name().strip();
                        key.prefix = BeakKeys.readablePrefix(secret);
                        key.keyHash = BeakKeys.hash(secret);
                        key.tier = tier;
                        key.createdAt = now;
                        int days =
                            request.expiresInDays() == null
                                ? config.defaultLifetimeDays()
                                : request.expiresInDays();
                        key.expiresAt = now.plus(days, ChronoUnit.DAYS);
                        return keys.insert(key)
                            .map(
                                inserted ->
                                    new CreatedKeyResponse(
                                        key.id,
                                        secret,
                                        key.prefix,
                                        key.name,
                                        key.tier.name(),
                                        key.createdAt,
                                        key.expiresAt));
                      });
            });
  }

  public Uni<KeyListResponse> list(Caller caller) {
    return keys.listOwned(caller.ducklingId())
        .map(owned -> new KeyListResponse(owned.stream().map(KeyResponse::of).toList()));
  }

  /** Revokes a key of the caller's; another duckling's key is "not found", like a missing one. */
  public Uni<Void> revoke(Caller caller, UUID keyId) {
    // One conditional update: it finds the key and revokes it, so it needs no transaction.
    return keys.revokeOwned(
            keyId, caller.ducklingId(), clock.instant().truncatedTo(ChronoUnit.MICROS))
        .invoke(
            revoked -> {
              if (!revoked) {
                throw new ProblemException(ErrorKind.NOT_FOUND, "No Beak Key with this id.");
              }
            })
        .replaceWithVoid();
  }
}
