package com.spaceduck.cert;

import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated duckling behind a request: its id ({@code sub}) and whether it operates. */
public record Requester(UUID ducklingId, boolean operator) {

  public static final String OPERATOR_GROUP = "operator";

  /**
   * The requester of a verified sd_token. A token whose {@code sub} is not a duckling id was not
   * issued by identity-service for a duckling, so it is as invalid as a bad signature.
   */
  public static Requester of(SecurityIdentity identity) {
    UUID duckling = null;
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      duckling = CertIds.parse(token.getSubject());
    }
    if (duckling == null) {
      throw new ProblemException(ErrorKind.UNAUTHORIZED, "The token does not name a duckling.");
    }
    return new Requester(duckling, identity.hasRole(OPERATOR_GROUP));
  }

  /** Whether this requester may see and revoke the certificate: its owner or an operator. */
  public boolean mayManage(Certificate cert) {
    return operator || ducklingId.equals(cert.ducklingId);
  }
}
