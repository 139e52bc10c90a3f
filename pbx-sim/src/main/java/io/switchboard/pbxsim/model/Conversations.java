package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Connected calls: bridging two parties, Local channel legs and their optimisation, hold, and the
 * hang-up cascade with the ordering of reference 1.10 (request, AgentComplete, BridgeLeave of the
 * leaver, SoftHangupRequest and BridgeLeave of the peer, BridgeDestroy, Hangups). Owned by the
 * model's thread.
 */
final class Conversations {

  private static final long DEFAULT_DIRECT_ANSWER_MILLIS = 2_000;

  private final PbxModel model;
  private final PbxCore core;
  private final List<RingAttempt> directAttempts = new ArrayList<>();

  Conversations(PbxModel model) {
    this.model = model;
    this.core = model.core();
    core.beforeHangup(this::stopMonitor);
  }

  private Map<String, Conversation> byChannel() {
    return model.conversations();
  }

  Conversation of(Channel c) {
    return byChannel().get(c.uniqueid());
  }

  // ---- direct calls ----

  /** {@code Dial(PJSIP/<exten>)} from {@code caller}; null when the extension has no phone. */
  RingAttempt dialDirect(Channel caller, String exten, CallBehaviour behaviour, int priority) {
    if (priority > 0) {
      core.newexten(caller, caller.context, exten, priority, "Dial", "PJSIP/" + exten + ",30");
    }
    Channel callee = model.request("PJSIP/" + exten, caller, null, null);
    core.setCallerId(callee, caller.exten, null);
    core.setConnectedLine(callee, caller.callerNum, caller.callerName);
    core.dialBegin(caller, callee, exten);
    core.setState(callee, ChannelState.RINGING);
    core.dialState(caller, callee, "RINGING");
    RingAttempt attempt = new RingAttempt(null, null, callee, core.now());
    attempt.directCaller = caller;
    attempt.directBehaviour = behaviour;
    Device d = model.device("PJSIP/" + exten);
    d.ringing = attempt;
    directAttempts.add(attempt);
    model.queueEngine().setDeviceStatus(d, Device.RINGING);
    Long after = behaviour.answerAfterMillis();
    attempt.answerTimer =
        core.scheduler()
            .schedule(
                after == null ? DEFAULT_DIRECT_ANSWER_MILLIS : after, () -> answerDirect(attempt));
    return attempt;
  }

  void answerDirect(RingAttempt attempt) {
    Channel callee = attempt.channel;
    Channel caller = attempt.directCaller;
    if (callee.hungUp || caller.hungUp) {
      return;
    }
    attempt.cancel();
    directAttempts.remove(attempt);
    Device d = model.existingDevice(PbxModel.stateOf(baseName(callee)));
    if (d != null && d.ringing == attempt) {
      d.ringing = null;
      d.inCall = true;
      model.queueEngine().setDeviceStatus(d, Device.INUSE);
    }
    core.setState(callee, ChannelState.UP);
    core.dialEnd(caller, callee, "ANSWER");
    core.setState(caller, ChannelState.UP);
    Bridge b = core.bridgeCreate();
    core.bridgeEnter(b, callee, null);
    core.bridgeEnter(b, caller, null);
    Conversation conv =
        new Conversation(caller, callee, b, null, null, core.now(), attempt.directBehaviour);
    register(conv, caller, callee);
    scheduleTalk(conv);
  }

  // ---- queue calls ----

  /** The {@code ;2} half of a Local member dials the phone behind it. */
  void localDial(Channel one, String endpoint, RingAttempt attempt) {
    Channel two = one.localPartner;
    localBridgeEvent(one);
    core.newexten(two, two.context, two.exten, 1, "Dial", endpoint + ",,");
    Channel phone = model.request(endpoint, two, null, null);
    core.dialBegin(two, phone, endpoint.substring(endpoint.indexOf('/') + 1));
    core.setState(phone, ChannelState.RINGING);
    core.dialState(two, phone, "RINGING");
    attempt.endpoint = phone;
  }

  /** LocalBridge: the two halves of a Local channel are linked ({@code main/core_local.c}). */
  void localBridgeEvent(Channel one) {
    Channel two = one.localPartner;
    core.emit(
        AmiEvents.snapshot(
                AmiEvents.snapshot(AmiEvents.event("LocalBridge", AmiEvents.CALL), "LocalOne", one),
                "LocalTwo",
                two)
            .with("Context", two.context)
            .with("Exten", two.exten)
            .with("LocalOptimization", one.optimizable ? "Yes" : "No"));
  }

  /** The phone behind a Local member answers: it is bridged with {@code ;2}. */
  void answerLocalLeg(RingAttempt attempt) {
    Channel one = attempt.channel;
    if (one.localPartner == null) {
      return;
    }
    Channel two = one.localPartner;
    Channel phone = attempt.endpoint;
    core.setState(phone, ChannelState.UP);
    core.dialEnd(two, phone, "ANSWER");
    core.setState(two, ChannelState.UP);
    Bridge inner = core.bridgeCreate();
    core.bridgeEnter(inner, phone, null);
    core.bridgeEnter(inner, two, null);
  }

  /** A Local member's ringing legs go away with the attempt. */
  void dropLocalLeg(RingAttempt attempt, String dialStatus, int cause) {
    Channel one = attempt.channel;
    if (one.localPartner == null) {
      return;
    }
    Channel two = one.localPartner;
    Channel phone = attempt.endpoint;
    if (phone != one && !phone.hungUp) {
      core.dialEnd(two, phone, dialStatus);
      core.hangup(phone, cause);
    }
    core.hangup(two, cause);
  }

  void connectQueueCall(QueueEntry entry, RingAttempt attempt) {
    Channel caller = entry.caller;
    Bridge b = core.bridgeCreate();
    core.bridgeEnter(b, attempt.channel, null);
    core.bridgeEnter(b, caller, null);
    Conversation conv =
        new Conversation(
            caller, attempt.channel, b, entry, attempt.member, core.now(), entry.behaviour);
    register(conv, caller, attempt.channel);
    if (attempt.channel.localPartner != null) {
      register(conv, attempt.channel.localPartner, attempt.endpoint);
      if (attempt.channel.optimizable) {
        optimize(conv, attempt);
      }
    }
    scheduleTalk(conv);
  }

  /** Local channel optimisation: the phone replaces {@code ;1} in the caller's bridge. */
  private void optimize(Conversation conv, RingAttempt attempt) {
    Channel one = attempt.channel;
    Channel two = one.localPartner;
    Channel phone = attempt.endpoint;
    String id = Integer.toString(core.ids().nextLocalOptimizationId());
    AmiMessage.Builder begin = AmiEvents.event("LocalOptimizationBegin", AmiEvents.CALL);
    AmiEvents.snapshot(begin, "LocalOne", one);
    AmiEvents.snapshot(begin, "LocalTwo", two);
    AmiEvents.snapshot(begin, "Source", phone);
    core.emit(begin.with("DestUniqueId", one.uniqueid()).with("Id", id));
    Bridge inner = phone.bridge;
    core.bridgeLeave(phone);
    core.bridgeEnter(conv.bridge, phone, one);
    core.bridgeLeave(one);
    AmiMessage.Builder end = AmiEvents.event("LocalOptimizationEnd", AmiEvents.CALL);
    AmiEvents.snapshot(end, "LocalOne", one);
    AmiEvents.snapshot(end, "LocalTwo", two);
    core.emit(end.with("Success", "True").with("Id", id));
    core.bridgeLeave(two);
    if (inner != null) {
      core.bridgeDestroy(inner);
    }
    byChannel().remove(one.uniqueid());
    byChannel().remove(two.uniqueid());
    core.hangup(one, 16);
    core.hangup(two, 16);
    conv.agent = phone;
  }

  void register(Conversation conv, Channel... channels) {
    for (Channel c : channels) {
      byChannel().put(c.uniqueid(), conv);
    }
  }

  private void scheduleTalk(Conversation conv) {
    CallBehaviour b = conv.behaviour;
    if (b != null && b.talkMillis() != null) {
      conv.talkTimer =
          core.scheduler()
              .schedule(
                  b.talkMillis(),
                  () -> {
                    Channel ender = b.agentHangsUp() ? conv.agent : conv.caller;
                    if (!ender.hungUp) {
                      hangup(ender, false, 16);
                    }
                  });
    }
  }

  // ---- hold ----

  void hold(Channel c, boolean on) {
    Bridge b = c.bridge;
    core.emit(AmiEvents.channelEvent(on ? "Hold" : "Unhold", c));
    for (Channel peer : b.channels()) {
      if (peer != c) {
        if (on) {
          core.mohStart(peer);
        } else {
          core.mohStop(peer);
        }
      }
    }
  }

  // ---- hang-up ----

  /**
   * Any channel goes away. {@code soft} is Asterisk hanging it up (the Hangup action) rather than
   * its far end; the cascade follows the channel's role.
   */
  void hangup(Channel c, boolean soft, int cause) {
    if (c.hungUp) {
      return;
    }
    QueueEntry waiting = model.queueEngine().entryOf(c);
    if (waiting != null) {
      model.queueEngine().abandon(waiting, soft, cause);
      return;
    }
    if (endDirectRinging(c, soft, cause)) {
      return;
    }
    Device ringingDevice = ringingDeviceOf(c);
    if (ringingDevice != null) {
      rejectRinging(ringingDevice.ringing, soft, cause);
      return;
    }
    if (model.originate().hangupPending(c, soft, cause)
        || model.transfers().completeOnHangup(c, soft, cause)) {
      return;
    }
    Conversation conv = of(c);
    if (soft) {
      core.softHangupRequest(c, cause);
    } else {
      core.hangupRequest(c);
    }
    if (conv != null && conv.entry != null && !conv.agentCompleteSent) {
      agentComplete(conv, c == conv.caller ? "caller" : conv.transferred ? "transfer" : "agent");
    }
    List<Channel> rest = core.dissolveAfter(c);
    core.hangup(c, cause);
    for (Channel other : rest) {
      finishPeer(other);
    }
    finishLocal(c);
    if (conv != null) {
      end(conv);
    }
  }

  /**
   * A direct call ends before the answer: the caller cancels (DialEnd CANCEL, reference 1.10) or
   * the callee's phone rejects it (DialEnd BUSY).
   */
  private boolean endDirectRinging(Channel c, boolean soft, int cause) {
    for (RingAttempt a : new ArrayList<>(directAttempts)) {
      if (a.directCaller != c && a.channel != c) {
        continue;
      }
      directAttempts.remove(a);
      a.cancel();
      Channel caller = a.directCaller;
      Channel callee = a.channel;
      boolean callerLeft = c == caller;
      if (callerLeft) {
        if (soft) {
          core.softHangupRequest(caller, cause);
        } else {
          core.hangupRequest(caller);
        }
      }
      core.dialEnd(caller, callee, callerLeft ? "CANCEL" : "BUSY");
      Device d = model.existingDevice(PbxModel.stateOf(baseName(callee)));
      if (d != null && d.ringing == a) {
        d.ringing = null;
        model.queueEngine().setDeviceStatus(d, Device.NOT_INUSE);
      }
      if (callerLeft) {
        core.hangup(caller, cause);
        core.hangup(callee, 16);
      } else {
        core.hangup(callee, 17);
        if (!caller.hungUp && model.conversations().get(caller.uniqueid()) == null) {
          core.hangup(caller, 17);
        }
      }
      return true;
    }
    return false;
  }

  private Device ringingDeviceOf(Channel c) {
    for (CallQueue q : model.queues()) {
      for (QueueMember m : q.members) {
        RingAttempt a = m.device.ringing;
        if (a != null && (a.channel == c || a.endpoint == c)) {
          return m.device;
        }
      }
    }
    return null;
  }

  /** A ringing member's phone declines: as a ring timeout for that member only. */
  private void rejectRinging(RingAttempt attempt, boolean soft, int cause) {
    if (attempt.entry == null) {
      core.hangup(attempt.channel, cause);
      return;
    }
    core.emit(
        QueueEvents.agent(
                "AgentRingNoAnswer",
                attempt.entry.caller,
                attempt.channel,
                attempt.entry.queue,
                attempt.member)
            .with("RingTime", Long.toString(core.now() - attempt.startedMillis)));
    model.queueEngine().cancel(attempt, "BUSY", soft ? cause : 21);
    model.queueEngine().tryRing(attempt.entry.queue);
  }

  /** {@code c} leaves its bridge; whoever stays is hung up, and their Local partners with them. */
  void leaveAndDropPeers(Channel c) {
    for (Channel other : core.dissolveAfter(c)) {
      finishPeer(other);
    }
  }

  private void finishPeer(Channel peer) {
    core.hangup(peer, 16);
    finishLocal(peer);
  }

  /** The other half of a Local pair follows its partner down, with whatever it was bridged to. */
  private void finishLocal(Channel c) {
    Channel partner = c.localPartner;
    if (partner == null || partner.hungUp) {
      return;
    }
    core.softHangupRequest(partner, 16);
    List<Channel> rest = core.dissolveAfter(partner);
    core.hangup(partner, 16);
    for (Channel other : rest) {
      finishPeer(other);
    }
  }

  void agentComplete(Conversation conv, String reason) {
    conv.agentCompleteSent = true;
    long talkSeconds = (core.now() - conv.connectedMillis) / 1000;
    core.emit(
        QueueEvents.agent("AgentComplete", conv.caller, conv.agent, conv.entry.queue, conv.member)
            .with(
                "HoldTime", Long.toString((conv.connectedMillis - conv.entry.joinedMillis) / 1000))
            .with("TalkTime", Long.toString(talkSeconds))
            .with("Reason", reason));
  }

  /** Bookkeeping once both parties are gone: member statistics, wrap-up, next caller. */
  void end(Conversation conv) {
    if (conv.talkTimer != null) {
      conv.talkTimer.cancel();
    }
    byChannel().values().removeIf(v -> v == conv);
    Device d =
        conv.member != null
            ? conv.member.device
            : model.existingDevice(PbxModel.stateOf(baseName(conv.agent)));
    if (conv.member != null) {
      CallQueue q = conv.entry.queue;
      QueueMember m = conv.member;
      int talkSeconds = (int) ((core.now() - conv.connectedMillis) / 1000);
      m.callsTaken++;
      m.lastCallSeconds = core.now() / 1000;
      m.wrapUpUntilMillis = core.now() + q.wrapupSeconds * 1000L;
      q.completed++;
      if ((conv.connectedMillis - conv.entry.joinedMillis) / 1000 <= q.serviceLevelSeconds) {
        q.completedInServiceLevel++;
      }
      q.recordTalktime(talkSeconds);
      if (q.wrapupSeconds > 0) {
        core.scheduler().schedule(q.wrapupSeconds * 1000L, () -> model.queueEngine().tryRingAll());
      }
    }
    if (d != null) {
      d.inCall = false;
      model.queueEngine().setDeviceStatus(d, Device.NOT_INUSE);
    }
    model.queueEngine().tryRingAll();
  }

  static String baseName(Channel c) {
    int dash = c.name().lastIndexOf('-');
    return dash > 0 ? c.name().substring(0, dash) : c.name();
  }

  /** MixMonitor ends with its channel: MixMonitorStop before the Hangup. */
  void stopMonitor(Channel c) {
    if (c.mixMonitorId != null) {
      c.mixMonitorId = null;
      core.emit(AmiEvents.channelEvent("MixMonitorStop", c));
    }
  }

  List<Conversation> all() {
    return new ArrayList<>(new java.util.LinkedHashSet<>(byChannel().values()));
  }
}
