package io.switchboard.core.error;

/**
 * The root of Switchboard's own failures: a stable {@link ErrorCode} and a message that says what
 * was wrong in words a caller can act on. Anything else that escapes is an internal error.
 */
public class SwitchboardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public SwitchboardException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public SwitchboardException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
