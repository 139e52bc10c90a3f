package io.switchboard.pbxsim.model;

/**
 * A phone behind one or more queue members ({@code StateInterface}): its device state, which every
 * queue the phone belongs to sees. Owned by the model's thread.
 */
final class Device {

  /** {@code AST_DEVICE_*} values as QueueMember's {@code Status} prints them (reference 1.8). */
  static final int UNKNOWN = 0;

  static final int NOT_INUSE = 1;
  static final int INUSE = 2;
  static final int RINGING = 6;
  static final int ONHOLD = 8;

  final String stateInterface;
  int status = NOT_INUSE;
  boolean inCall;

  /** The queue attempt ringing this phone now, so no other caller rings it at the same time. */
  RingAttempt ringing;

  Device(String stateInterface) {
    this.stateInterface = stateInterface;
  }

  boolean idle() {
    return ringing == null && !inCall && (status == NOT_INUSE || status == UNKNOWN);
  }
}
