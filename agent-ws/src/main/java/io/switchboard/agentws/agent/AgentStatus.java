package io.switchboard.agentws.agent;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import java.util.Locale;

/** The state an agent is in; the wire names are the values of {@code agent_state_history.state}. */
public enum AgentStatus {
  LOGGED_OUT,
  READY,
  PAUSED,
  RINGING,
  ON_CALL,
  WRAP_UP;

  /** The lower-case name used in JSON, Redis and PostgreSQL. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status for its {@link #wire()} name. */
  public static AgentStatus fromWire(String wire) {
    for (AgentStatus status : values()) {
      if (status.wire().equals(wire)) {
        return status;
      }
    }
    throw new SwitchboardException(ErrorCode.BAD_REQUEST, "unknown agent state '" + wire + "'");
  }
}
