package io.switchboard.dialer.pacing;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;

/** Predictive mode cannot meet the abandon limit under the campaign's settings; says why. */
public final class PacingRefusedException extends SwitchboardException {
  private static final long serialVersionUID = 1L;

  public PacingRefusedException(String reason) {
    super(ErrorCode.VALIDATION_FAILED, reason);
  }
}
