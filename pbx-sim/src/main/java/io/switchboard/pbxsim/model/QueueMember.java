package io.switchboard.pbxsim.model;

/**
 * One member of one queue (the {@code struct member} fields QueueStatus and member events print).
 */
public final class QueueMember {

  final String iface;
  final String memberName;
  final Device device;
  final boolean dynamic;
  int penalty;
  int callsTaken;
  long lastCallSeconds;
  long lastPauseSeconds;
  long loginTimeSeconds;
  boolean paused;
  String pausedReason = "";

  /** Wrap-up ends at this model time (ms); 0 when none. */
  long wrapUpUntilMillis;

  QueueMember(String iface, String memberName, Device device, boolean dynamic, int penalty) {
    this.iface = iface;
    this.memberName = memberName;
    this.device = device;
    this.dynamic = dynamic;
    this.penalty = penalty;
  }

  public String iface() {
    return iface;
  }

  public String memberName() {
    return memberName;
  }

  public boolean paused() {
    return paused;
  }

  public int status() {
    return device.status;
  }

  public boolean inCall() {
    return device.inCall;
  }

  public int callsTaken() {
    return callsTaken;
  }

  boolean available(long nowMillis) {
    return !paused && device.idle() && nowMillis >= wrapUpUntilMillis;
  }
}
