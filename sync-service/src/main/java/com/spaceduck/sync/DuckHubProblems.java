package com.spaceduck.sync;

import com.spaceduck.platform.problem.ErrorKind;
import com.spaceduck.platform.problem.ProblemException;

/**
 * DuckHub's errors. The three 401s carry exactly the {@code detail} of the API documentation's
 * authentication table (seed 002), so integrations can match on it.
 */
public final class DuckHubProblems {

  private DuckHubProblems() {}

  /** No {@code Authorization}, or it is not a Bearer credential. */
  public static ProblemException missingApiKey() {
    return new ProblemException(ErrorKind.UNAUTHORIZED, "missing_api_key", "Missing API key");
  }

  /** Not {@code dk_live_}/{@code dk_test_} followed by 32 URL-safe base64 characters. */
  public static ProblemException invalidApiKeyFormat() {
    return new ProblemException(
        ErrorKind.UNAUTHORIZED, "invalid_api_key_format", "Invalid API key format");
  }

  /** Unknown, revoked or regenerated. */
  public static ProblemException invalidApiKey() {
    return new ProblemException(ErrorKind.UNAUTHORIZED, "invalid_api_key", "Invalid API key");
  }

  /** No venue of the caller has this id (another owner's venue looks exactly the same). */
  public static ProblemException venueNotFound() {
    return new ProblemException(ErrorKind.NOT_FOUND, "venue_not_found", "No venue has this id.");
  }

  /** The venue has no API key (never generated, or revoked). */
  public static ProblemException apiKeyNotFound() {
    return new ProblemException(
        ErrorKind.NOT_FOUND, "api_key_not_found", "This venue has no API key.");
  }

  /** No sync of the key's venue has this id. */
  public static ProblemException syncNotFound() {
    return new ProblemException(ErrorKind.NOT_FOUND, "sync_not_found", "No sync has this id.");
  }

  /** The owner has as many venues as allowed. */
  public static ProblemException venueLimitReached(int limit) {
    return new ProblemException(
            ErrorKind.CONFLICT,
            "venue_limit_reached",
            "An owner may have at most " + limit + " venues.")
        .with("limit", limit);
  }

  /** More objects of one type than a request may carry. */
  public static ProblemException tooManyObjects(String field, int limit) {
    return new ProblemException(
            ErrorKind.PAYLOAD_TOO_LARGE,
            "too_many_objects",
            "A sync may carry at most " + limit + " " + field + ".")
        .with("field", field)
        .with("limit", limit);
  }

  /** The Idempotency-Key was used before with another body. */
  public static ProblemException idempotencyKeyReused() {
    return new ProblemException(
        ErrorKind.UNPROCESSABLE,
        "idempotency_key_reused",
        "This Idempotency-Key was used with a different request body.");
  }
}
