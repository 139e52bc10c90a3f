package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;

/**
 * Queue and agent events as {@code apps/app_queue.c} builds them (class {@code agent}): caller
 * events are the caller snapshot plus a JSON blob; agent events the caller snapshot, the member
 * channel under the {@code Dest} prefix, then the blob; member events the blob of {@code
 * queue_member_blob_create} (Asterisk 18.9+/20 field set, reference 1.8). Stateless.
 */
final class QueueEvents {

  private QueueEvents() {}

  static AmiMessage.Builder caller(String name, Channel caller, CallQueue q) {
    return AmiEvents.snapshot(AmiEvents.event(name, AmiEvents.AGENT), "", caller)
        .with("Queue", q.name);
  }

  /** AgentCalled, AgentConnect, AgentComplete, AgentRingNoAnswer, AgentDump. */
  static AmiMessage.Builder agent(
      String name, Channel caller, Channel member, CallQueue q, QueueMember m) {
    AmiMessage.Builder b = AmiEvents.snapshot(AmiEvents.event(name, AmiEvents.AGENT), "", caller);
    AmiEvents.snapshot(b, "Dest", member);
    return b.with("Queue", q.name).with("Interface", m.iface).with("MemberName", m.memberName);
  }

  /** QueueMemberStatus / Added / Removed / Pause / Penalty. */
  static AmiMessage.Builder member(String name, CallQueue q, QueueMember m) {
    return AmiEvents.event(name, AmiEvents.AGENT)
        .with("Queue", q.name)
        .with("MemberName", m.memberName)
        .with("Interface", m.iface)
        .with("StateInterface", m.device.stateInterface)
        .with("Membership", m.dynamic ? "dynamic" : "static")
        .with("Penalty", Integer.toString(m.penalty))
        .with("CallsTaken", Integer.toString(m.callsTaken))
        .with("LastCall", Long.toString(m.lastCallSeconds))
        .with("LastPause", Long.toString(m.lastPauseSeconds))
        .with("LoginTime", Long.toString(m.loginTimeSeconds))
        .with("InCall", m.device.inCall ? "1" : "0")
        .with("Status", Integer.toString(m.device.status))
        .with("Paused", m.paused ? "1" : "0")
        .with("PausedReason", m.pausedReason)
        .with("Ringinuse", "0")
        .with("Wrapuptime", Integer.toString(q.wrapupSeconds));
  }

  /** DeviceStateChange (class call), e.g. {@code Queue:support_avail}. */
  static AmiMessage deviceState(String device, String state) {
    return AmiEvents.event("DeviceStateChange", AmiEvents.CALL)
        .with("Device", device)
        .with("State", state)
        .build();
  }
}
