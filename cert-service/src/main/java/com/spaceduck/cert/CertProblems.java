package com.spaceduck.cert;

import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.FieldError;
import com.spaceduck.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * The certificate API's documented errors (seed 001), with its exact codes. Unauthorized (401
 * {@code invalid_token}) comes from the platform's security mapping, configured in {@code
 * application.properties}.
 */
public final class CertProblems {

  private CertProblems() {}

  /** 400 {@code missing_cert_id}: absent, null or blank. */
  public static ProblemException missingCertId() {
    return new CertProblem(
        ErrorKind.BAD_REQUEST,
        "missing_cert_id",
        "cert_id is required.",
        List.of(new FieldError("cert_id", "is required")));
  }

  /**
   * 404 {@code cert_not_found}, also for an id that is not a UUID: callers learn nothing about
   * which ids could exist. The id is not echoed, so a huge input stays out of the response.
   */
  public static ProblemException certNotFound() {
    return new ProblemException(
        ErrorKind.NOT_FOUND, "cert_not_found", "No certificate has this cert_id.");
  }

  /** 403 {@code access_denied}: the certificate belongs to someone else. */
  public static ProblemException accessDenied() {
    return new ProblemException(
        ErrorKind.FORBIDDEN, "access_denied", "This certificate belongs to another duckling.");
  }

  /** 410 {@code cert_revoked}, still saying which certificate and when it was revoked. */
  public static ProblemException certRevoked(Certificate cert) {
    return new ProblemException(ErrorKind.GONE, "cert_revoked", "This certificate was revoked.")
        .with("cert_id", cert.certId.toString())
        .with("cert_status", CertStatus.REVOKED.name())
        .with("revoked_at", cert.revokedAt == null ? null : cert.revokedAt.toString());
  }

  /**
   * 400 {@code invalid_credential}: not a credential this service signed (bad or missing signature,
   * unknown key, {@code alg} other than ES256, malformed). One answer for every kind of forgery.
   */
  public static ProblemException invalidCredential() {
    return new CertProblem(
        ErrorKind.BAD_REQUEST,
        "invalid_credential",
        "This is not a credential signed by cert-service.",
        List.of(new FieldError("credential", "is not a genuine credential")));
  }

  /** 400 {@code invalid_request} naming the offending field. */
  public static ProblemException invalidField(String field, String message) {
    return ProblemException.invalid(
        "The request has invalid fields.", List.of(new FieldError(field, message)));
  }

  /** Reaches the protected constructor to give a specific code together with field errors. */
  private static final class CertProblem extends ProblemException {
    CertProblem(ErrorKind kind, String code, String detail, List<FieldError> errors) {
      super(kind, code, detail, errors, Map.of(), null);
    }
  }
}
