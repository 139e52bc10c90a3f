package io.switchboard.core.error;

import java.util.List;

/**
 * The root of Switchboard's own failures: a stable {@link ErrorCode} and a message that says what
 * was wrong in words a caller can act on, and for a request that failed validation the {@link
 * FieldError}s that name each bad field. Anything else that escapes is an internal error.
 */
public class SwitchboardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final List<FieldError> fields;

  public SwitchboardException(ErrorCode code, String message) {
    super(message);
    this.code = code;
    this.fields = List.of();
  }

  public SwitchboardException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.fields = List.of();
  }

  /** A failure caused by the named fields of a request (usually {@code VALIDATION_FAILED}). */
  public SwitchboardException(ErrorCode code, String message, List<FieldError> fields) {
    super(message);
    this.code = code;
    this.fields = List.copyOf(fields);
  }

  /** A validation failure naming each bad field; the message lists them all. */
  public static SwitchboardException invalidFields(List<FieldError> fields) {
    StringBuilder message = new StringBuilder("invalid request: ");
    for (int i = 0; i < fields.size(); i++) {
      message.append(i == 0 ? "" : "; ").append(fields.get(i));
    }
    return new SwitchboardException(ErrorCode.VALIDATION_FAILED, message.toString(), fields);
  }

  /** The bad fields, in the order they were found; empty when the failure names none. */
  public List<FieldError> fields() {
    return fields;
  }

  public ErrorCode code() {
    return code;
  }
}
