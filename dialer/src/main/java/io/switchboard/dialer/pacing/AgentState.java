package io.switchboard.dialer.pacing;

/** An agent's state as the dialer sees it. */
public enum AgentState {
  LOGGED_OUT,
  READY,
  IN_CALL,
  WRAP_UP,
  PAUSED
}
