package io.switchboard.ami.calllog;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;

/** The call-log spool holds its maximum; the record was not taken. */
public final class SpoolFullException extends SwitchboardException {
  private static final long serialVersionUID = 1L;

  SpoolFullException(String message) {
    super(ErrorCode.UNAVAILABLE, message);
  }
}
