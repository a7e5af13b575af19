package com.spaceduck.identity.me;

import com.spaceduck.identity.DucklingRepository;
import com.spaceduck.identity.auth.Caller;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MeService {

  private final DucklingRepository ducklings;

  public MeService(DucklingRepository ducklings) {
    this.ducklings = ducklings;
  }

  /** The profile as stored now (the tier may be newer than the one in the caller's token). */
  public Uni<MeResponse> profile(Caller caller) {
    return ducklings
        .findDuckling(caller.ducklingId())
        .map(
            duckling -> {
              if (duckling == null) {
                // A valid credential of a duckling that no longer exists.
                throw new UnauthorizedException();
              }
              return new MeResponse(
                  duckling.id,
                  duckling.email,
                  duckling.displayName,
                  duckling.trustTier.name(),
                  duckling.createdAt,
                  duckling.emailVerified(),
                  duckling.phoneVerified());
            });
  }
}
