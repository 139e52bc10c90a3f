package io.switchboard.ami.tracker;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.HangupSide;
import io.switchboard.core.call.OriginateIds;
import java.time.Instant;
import java.util.Locale;

/**
 * Channel-level events (reference/ami-protocol.md 1.8): creation, state, caller ID, hangup and who
 * asked for it, the variables the tracker reads ({@code AMDSTATUS}, {@code AMDCAUSE}, {@code
 * MIXMONITOR_FILENAME}, {@value OriginateIds#VARIABLE}), hold and music on hold, MixMonitor and
 * bridges. Not thread-safe: owned by one {@link CallTracker}.
 */
final class ChannelEvents {

  private final CallRegistry registry;
  private final CallAnswers answers;

  ChannelEvents(CallRegistry registry, CallAnswers answers) {
    this.registry = registry;
    this.answers = answers;
  }

  void newChannel(AmiMessage event, Instant now) {
    ChannelSnapshot snapshot = ChannelSnapshot.read(event);
    if (snapshot != null) {
      TrackedChannel channel = registry.touch(snapshot, now);
      if (channel != null) {
        readOriginateVariable(channel, event);
      }
    }
  }

  void newState(AmiMessage event, Instant now) {
    TrackedChannel channel = live(event, now);
    if (channel == null) {
      return;
    }
    channel.state = ChannelSnapshot.parseInt(event.get("ChannelState"), channel.state);
    if (channel.state == ChannelSnapshot.STATE_UP && channel.upAt == null) {
      channel.upAt = now;
      answers.channelUp(channel, now);
    }
  }

  void newCallerId(AmiMessage event, Instant now) {
    TrackedChannel channel = live(event, now);
    if (channel == null) {
      return;
    }
    channel.callerNumber = ChannelSnapshot.known(event.get("CallerIDNum"));
    channel.callerName = ChannelSnapshot.known(event.get("CallerIDName"));
    TrackedCall call = channel.call;
    if (channel.role == LegRole.CALLER && call.answeredAt == null) {
      call.callerNumber = channel.callerNumber;
      call.callerName = channel.callerName;
    }
  }

  /**
   * {@code HangupRequest} comes from the channel's own side (the phone or trunk hung up), unlike
   * {@code SoftHangupRequest}, which Asterisk raises itself. The first one from a caller leg or an
   * answered agent leg says who ended the call; a transferer leaving is not an end.
   */
  void hangupRequest(AmiMessage event, Instant now) {
    TrackedChannel channel = live(event, now);
    if (channel == null
        || channel.call.hangupBy != null
        || channel.transferer
        || !channel.isParty()) {
      return;
    }
    if (channel.role == LegRole.CALLER) {
      channel.call.hangupBy = HangupSide.CALLER;
    } else if ((channel.role == LegRole.AGENT || channel.role == LegRole.TRANSFER)
        && channel.answeredAt != null) {
      channel.call.hangupBy = HangupSide.AGENT;
    }
  }

  void hangup(AmiMessage event, Instant now) {
    ChannelSnapshot snapshot = ChannelSnapshot.read(event);
    if (snapshot == null) {
      return;
    }
    TrackedChannel channel = registry.channel(snapshot.uniqueId());
    if (channel == null) {
      // No event follows a Hangup; adopting the channel now would only log a call of nothing.
      registry.unknownChannel();
      return;
    }
    if (!channel.ended() && !snapshot.linkedId().equals(channel.linkedId)) {
      registry.relink(channel, snapshot.linkedId(), now);
    }
    Integer cause = null;
    String text = event.get("Cause");
    if (text != null && !text.isEmpty()) {
      cause = ChannelSnapshot.parseInt(text, 0);
    }
    registry.hangup(channel, cause, now);
  }

  void varSet(AmiMessage event, Instant now) {
    String variable = event.get("Variable");
    if (variable == null) {
      return;
    }
    String name = stripInheritance(variable).toUpperCase(Locale.ROOT);
    boolean wanted =
        name.equals("AMDSTATUS")
            || name.equals("AMDCAUSE")
            || name.equals("MIXMONITOR_FILENAME")
            || name.equals(OriginateIds.VARIABLE);
    if (!wanted) {
      return;
    }
    TrackedChannel channel = live(event, now);
    if (channel == null) {
      return;
    }
    String value = event.get("Value", "");
    TrackedCall call = channel.call;
    switch (name) {
      case "AMDSTATUS" -> call.amdStatus = value;
      case "AMDCAUSE" -> call.amdCause = value;
      case "MIXMONITOR_FILENAME" -> {
        if (call.recordingFile == null && !value.isEmpty()) {
          call.recordingFile = value;
        }
      }
      default -> originateId(call, value);
    }
  }

  void mixMonitorStart(AmiMessage event, Instant now) {
    TrackedChannel channel = live(event, now);
    if (channel != null) {
      // Asterisk 16.17+/18.3+ only, and it names no file: VarSet MIXMONITOR_FILENAME does.
      channel.call.recorded = true;
    }
  }

  /** {@code Hold} or {@code MusicOnHoldStart}: counted once the call was answered. */
  void holdStart(AmiMessage event, Instant now) {
    TrackedChannel channel = live(event, now);
    if (channel != null && channel.call.answeredAt != null && !channel.call.inQueue()) {
      // Music on hold while queued is waiting, not hold: only after the answer, and not while an
      // answered call (an originate's customer) waits in a queue for an agent.
      channel.startHold(now);
    }
  }

  /** {@code Unhold} or {@code MusicOnHoldStop}. */
  void holdStop(AmiMessage event, Instant now) {
    TrackedChannel channel = live(event, now);
    if (channel != null) {
      channel.endHold(now);
    }
  }

  void bridgeEnter(AmiMessage event, Instant now) {
    TrackedChannel channel = live(event, now);
    if (channel == null) {
      return;
    }
    channel.bridgeId = event.get("BridgeUniqueid");
    answers.bridged(channel, now);
  }

  void bridgeLeave(AmiMessage event, Instant now) {
    TrackedChannel channel = live(event, now);
    if (channel != null) {
      channel.bridgeId = null;
    }
  }

  /** The channel of an event, touched (adopted, relinked); null when gone or refused. */
  TrackedChannel live(AmiMessage event, Instant now) {
    ChannelSnapshot snapshot = ChannelSnapshot.read(event);
    if (snapshot == null) {
      return null;
    }
    TrackedChannel channel = registry.touch(snapshot, now);
    return channel == null || channel.ended() ? null : channel;
  }

  private void readOriginateVariable(TrackedChannel channel, AmiMessage event) {
    for (String variable : event.getAll("ChanVariable")) {
      if (variable.startsWith(OriginateIds.VARIABLE + "=")) {
        originateId(channel.call, variable.substring(OriginateIds.VARIABLE.length() + 1));
      }
    }
  }

  private void originateId(TrackedCall call, String value) {
    if (call.originateId == null && !value.isEmpty()) {
      call.originateId = value;
      registry.markOriginated(call);
    }
    if (call.direction != CallDirection.OUTBOUND && call.originateId != null) {
      registry.markOriginated(call);
    }
  }

  private static String stripInheritance(String variable) {
    int start = 0;
    while (start < variable.length() && variable.charAt(start) == '_') {
      start++;
    }
    return variable.substring(start);
  }
}
