package io.switchboard.dialer.pacing;

/** Where a live outbound call is in its life, as reconstructed from events. */
public enum CallPhase {
  DIALING,
  RINGING,
  ANSWERED,
  QUEUED,
  BRIDGED
}
