package com.spaceduck.platform.problem;

/** The kinds of failure every service can report, each with its HTTP status and a title. */
public enum ErrorKind {
  BAD_REQUEST(400, "Bad Request"),
  UNAUTHORIZED(401, "Unauthorized"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Not Found"),
  METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
  NOT_ACCEPTABLE(406, "Not Acceptable"),
  CONFLICT(409, "Conflict"),
  GONE(410, "Gone"),
  PAYLOAD_TOO_LARGE(413, "Content Too Large"),
  URI_TOO_LONG(414, "URI Too Long"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
  UNPROCESSABLE(422, "Unprocessable Content"),
  TOO_MANY_REQUESTS(429, "Too Many Requests"),
  INTERNAL(500, "Internal Server Error"),
  BAD_GATEWAY(502, "Bad Gateway"),
  UNAVAILABLE(503, "Service Unavailable"),
  GATEWAY_TIMEOUT(504, "Gateway Timeout");

  private final int status;
  private final String title;

  ErrorKind(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The kind for an HTTP status; unknown 4xx become BAD_REQUEST and unknown 5xx INTERNAL. */
  public static ErrorKind forStatus(int status) {
    for (ErrorKind kind : values()) {
      if (kind.status == status) {
        return kind;
      }
    }
    return status >= 500 ? INTERNAL : BAD_REQUEST;
  }
}
