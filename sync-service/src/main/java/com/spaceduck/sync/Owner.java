package com.spaceduck.sync;

import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The venue owner behind an sd_token: the duckling its {@code sub} names. */
public record Owner(UUID ducklingId) {

  /**
   * The owner of a verified sd_token. A token whose {@code sub} is not a duckling id was not issued
   * by identity-service for a duckling, so it is as invalid as a bad signature.
   */
  public static Owner of(SecurityIdentity identity) {
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      UUID id = Ids.parse(token.getSubject());
      if (id != null) {
        return new Owner(id);
      }
    }
    throw new ProblemException(ErrorKind.UNAUTHORIZED, "The token does not name a duckling.");
  }
}
