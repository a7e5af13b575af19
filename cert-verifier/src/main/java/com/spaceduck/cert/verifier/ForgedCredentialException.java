package com.spaceduck.cert.verifier;

/** A credential or status list that is not genuine; the message says why, for logs only. */
public class ForgedCredentialException extends RuntimeException {

  public ForgedCredentialException(String reason) {
    super(reason, null, false, false);
  }
}
