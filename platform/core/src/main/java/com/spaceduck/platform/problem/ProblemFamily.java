package com.spaceduck.platform.problem;

/**
 * The two error-code families of the platform's APIs.
 *
 * <p>{@link #SPACE_DUCK} is the developer portal's {@code E4xxx}/{@code E5xxx} catalogue, used on
 * {@code /beak/**}. Statuses the catalogue does not list follow its own patterns: a 4xx is the
 * status followed by a zero ({@code E4130} for 413, so {@code E4050} for 405), a 5xx is {@code
 * E500} and the last digit ({@code E5001}, {@code E5003}, so {@code E5004} for 504).
 *
 * <p>{@link #SNAKE_CASE} is the style of the certificate and DuckHub APIs ({@code cert_not_found},
 * {@code invalid_api_key}); the generic codes below cover what their documents leave open.
 */
public enum ProblemFamily {
  SPACE_DUCK,
  SNAKE_CASE;

  /** The family's code for a kind of failure that has no more specific code. */
  public String code(ErrorKind kind) {
    return this == SPACE_DUCK ? spaceDuckCode(kind) : snakeCaseCode(kind);
  }

  private static String spaceDuckCode(ErrorKind kind) {
    return switch (kind) {
      case BAD_REQUEST -> "E4000";
      case UNAUTHORIZED -> "E4001";
      case FORBIDDEN -> "E4002";
      case CONFLICT -> "E4003";
      case TOO_MANY_REQUESTS -> "E4004";
      case NOT_FOUND -> "E4005";
      case INTERNAL -> "E5001";
      case UNAVAILABLE -> "E5003";
      default -> kind.status() >= 500 ? "E500" + (kind.status() - 500) : "E" + kind.status() + "0";
    };
  }

  private static String snakeCaseCode(ErrorKind kind) {
    return switch (kind) {
      case BAD_REQUEST -> "invalid_request";
      case UNAUTHORIZED -> "unauthorized";
      case FORBIDDEN -> "access_denied";
      case NOT_FOUND -> "not_found";
      case METHOD_NOT_ALLOWED -> "method_not_allowed";
      case NOT_ACCEPTABLE -> "not_acceptable";
      case CONFLICT -> "conflict";
      case GONE -> "gone";
      case PAYLOAD_TOO_LARGE -> "payload_too_large";
      case URI_TOO_LONG -> "uri_too_long";
      case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
      case UNPROCESSABLE -> "unprocessable_content";
      case TOO_MANY_REQUESTS -> "rate_limited";
      case INTERNAL -> "internal_error";
      case BAD_GATEWAY -> "bad_gateway";
      case UNAVAILABLE -> "service_unavailable";
      case GATEWAY_TIMEOUT -> "gateway_timeout";
    };
  }
}
