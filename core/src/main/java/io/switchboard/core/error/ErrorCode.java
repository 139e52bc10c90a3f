package io.switchboard.core.error;

/**
 * Stable error codes: the same code names the same problem in HTTP responses, event-bus failures
 * and logs. Each maps to one HTTP status.
 */
public enum ErrorCode {
  BAD_REQUEST(400),
  UNAUTHENTICATED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  CONFLICT(409),
  PAYLOAD_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  VALIDATION_FAILED(422),
  RATE_LIMITED(429),
  INTERNAL(500),
  UNAVAILABLE(503),
  TIMEOUT(504);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status a response carrying this error gets. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The event-bus failure code for this error (the HTTP status, so both read the same). */
  public int busFailureCode() {
    return httpStatus;
  }
}
