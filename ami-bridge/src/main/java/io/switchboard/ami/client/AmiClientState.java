package io.switchboard.ami.client;

import java.util.Locale;

/** Where the AMI client of one server is in its connect, login, resync, run cycle. */
public enum AmiClientState {
  /** Waiting for the next reconnect attempt (or not started). */
  DISCONNECTED,
  /** Opening TCP and waiting for the banner. */
  CONNECTING,
  /** Logging in. */
  AUTHENTICATING,
  /** Logged in; rebuilding state with CoreShowChannels and QueueStatus. */
  RESYNCING,
  /** Logged in and delivering events. */
  CONNECTED,
  /** Stopped for good. */
  STOPPED;

  /** Whether the session is logged in (actions may be sent). */
  public boolean loggedIn() {
    return this == RESYNCING || this == CONNECTED;
  }

  /** Lower-case name, as metric tags and messages show it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
