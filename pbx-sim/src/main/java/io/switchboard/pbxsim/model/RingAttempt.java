package io.switchboard.pbxsim.model;

/**
 * One member being rung for one queue caller ({@code struct callattempt}). For a Local member
 * {@code channel} is the {@code ;1} half the queue dials and {@code endpoint} the phone channel the
 * {@code ;2} half dials; for a PJSIP member both are the phone channel.
 */
final class RingAttempt {

  final QueueEntry entry;
  final QueueMember member;
  final Channel channel;
  Channel endpoint;
  final long startedMillis;
  SimScheduler.Timer answerTimer;

  /** For a direct call (no queue): the calling channel and how the call goes on. */
  Channel directCaller;

  CallBehaviour directBehaviour;

  RingAttempt(QueueEntry entry, QueueMember member, Channel channel, long startedMillis) {
    this.entry = entry;
    this.member = member;
    this.channel = channel;
    this.endpoint = channel;
    this.startedMillis = startedMillis;
  }

  void cancel() {
    if (answerTimer != null) {
      answerTimer.cancel();
      answerTimer = null;
    }
  }
}
