package com.spaceduck.cert.verifier;

/**
 * The offline decision about a credential.
 *
 * @param credential what the credential says; null when it is forged
 * @param reason why it is not valid, for logs and support (null when valid)
 */
public record Verdict(Outcome outcome, Credential credential, String reason) {

  /** The four answers an offline check can give. */
  public enum Outcome {
    /** Signed by a published key, not revoked, not expired. */
    VALID,
    /** Genuine, but its bit in the status list is set. */
    REVOKED,
    /** Genuine and not revoked, but past its {@code expires_at}. */
    EXPIRED,
    /** Not a credential cert-service signed: bad or missing signature, unknown key, malformed. */
    FORGED
  }

  static Verdict forged(String reason) {
    return new Verdict(Outcome.FORGED, null, reason);
  }
}
