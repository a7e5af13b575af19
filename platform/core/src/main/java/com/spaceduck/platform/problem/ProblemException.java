package com.spaceduck.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client should see as an RFC 9457 problem. Services throw it (or a subclass named
 * for their domain); the platform's mappers render it in the service's family.
 *
 * <p>No stack trace is captured: these are expected outcomes such as "not found", some on hot
 * paths, and the trace would never be shown anyway.
 */
public class ProblemException extends RuntimeException {

  private final ErrorKind kind;
  private final String code;
  private final List<FieldError> errors;
  private final Map<String, Object> extensions;
  private final Long retryAfterSeconds;

  public ProblemException(ErrorKind kind, String detail) {
    this(kind, null, detail, List.of(), Map.of(), null);
  }

  public ProblemException(ErrorKind kind, String code, String detail) {
    this(kind, code, detail, List.of(), Map.of(), null);
  }

  protected ProblemException(
      ErrorKind kind,
      String code,
      String detail,
      List<FieldError> errors,
      Map<String, Object> extensions,
      Long retryAfterSeconds) {
    super(detail, null, false, false);
    this.kind = kind;
    this.code = code;
    this.errors = List.copyOf(errors);
    this.extensions = new LinkedHashMap<>(extensions);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A 400 listing every invalid field. */
  public static ProblemException invalid(String detail, List<FieldError> errors) {
    return new ProblemException(ErrorKind.BAD_REQUEST, null, detail, errors, Map.of(), null);
  }

  /** A copy that also carries {@code Retry-After}, in whole seconds (at least 1). */
  public ProblemException retryAfter(long seconds) {
    return new ProblemException(kind, code, getMessage(), errors, extensions, Math.max(1, seconds));
  }

  /** A copy with an extra member in the problem body, such as {@code cert_id}. */
  public ProblemException with(String member, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(member, value);
    return new ProblemException(kind, code, getMessage(), errors, more, retryAfterSeconds);
  }

  public ErrorKind kind() {
    return kind;
  }

  /** The specific code, or {@code null} to use the family's code for the kind. */
  public String code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  /** Seconds for {@code Retry-After}, or {@code null} when the response carries none. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
