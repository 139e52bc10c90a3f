package io.switchboard.ami.tracker;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.OriginateIds;
import java.time.Instant;

/**
 * {@code DialBegin}, {@code DialEnd} and {@code OriginateResponse} (reference/ami-protocol.md 1.7,
 * 1.8): who was dialled and in what role, dial results, and the outcome of an originate. A dial
 * with no caller fields is an originate (or a call file), so its call is outbound. Not thread-safe:
 * owned by one {@link CallTracker}.
 */
final class DialEvents {

  private final CallRegistry registry;
  private final CallAnswers answers;

  DialEvents(CallRegistry registry, CallAnswers answers) {
    this.registry = registry;
    this.answers = answers;
  }

  void dialBegin(AmiMessage event, Instant now) {
    ChannelSnapshot destSnapshot = ChannelSnapshot.read(event, "Dest");
    if (destSnapshot == null) {
      return;
    }
    ChannelSnapshot callerSnapshot = ChannelSnapshot.read(event);
    TrackedChannel caller = callerSnapshot == null ? null : registry.touch(callerSnapshot, now);
    TrackedChannel dest = registry.touch(destSnapshot, now);
    if (dest == null || dest.ended()) {
      return;
    }
    TrackedCall call = dest.call;
    dest.rangAt = now;
    if (caller == null && callerSnapshot == null) {
      originatedDial(call, dest, event.get("DialString", ""));
      return;
    }
    call.dialled = true;
    if (dest.role == LegRole.OTHER && dest.isParty()) {
      dest.role = call.transfers != null ? LegRole.TRANSFER : LegRole.AGENT;
      if (call.originated && call.callerLeg() == null) {
        dest.role = LegRole.CALLER;
      }
    }
    if (call.originated && dest.isParty() && dest.role != LegRole.CALLER && !call.inQueue()) {
      call.dialledOut = true;
    }
    if (dest.trunk && call.direction == CallDirection.INTERNAL) {
      call.direction = CallDirection.OUTBOUND;
    }
    if (call.dialledNumber.isEmpty()) {
      call.dialledNumber = DialStrings.number(event.get("DialString", ""));
    }
  }

  /** A dial with only {@code Dest} fields: Asterisk placing an originate or a call file. */
  private void originatedDial(TrackedCall call, TrackedChannel dest, String dialString) {
    registry.markOriginated(call);
    if (dest.isParty() && call.callerLeg() == null) {
      dest.role = LegRole.CALLER;
    }
    if (call.dialledNumber.isEmpty() || dest == call.firstChannel()) {
      String number = DialStrings.number(dialString);
      if (!number.isEmpty()) {
        call.dialledNumber = number;
      }
    }
  }

  void dialEnd(AmiMessage event, Instant now) {
    ChannelSnapshot destSnapshot = ChannelSnapshot.read(event, "Dest");
    if (destSnapshot == null) {
      return;
    }
    boolean fromCaller = ChannelSnapshot.read(event) != null;
    TrackedChannel dest = registry.touch(destSnapshot, now);
    if (dest == null) {
      return;
    }
    String status = event.get("DialStatus", "");
    TrackedCall call = dest.call;
    if ("ANSWER".equalsIgnoreCase(status)) {
      answers.dialAnswered(dest, fromCaller, now);
    } else if (!status.isEmpty() && (dest.isParty() || call.lastDialStatus == null)) {
      // A real channel's status says more than a Local half's.
      call.lastDialStatus = status;
    }
  }

  /**
   * The result of an {@code Originate}. Asterisk may send it before or after the Hangup of a failed
   * attempt's channel; the call waits for it ({@link CallTrackerLimits#originateLinger()}). A
   * failure that created no channel still gets a call log when a {@code ChannelId} names it.
   */
  void originateResponse(AmiMessage event, Instant now) {
    String uniqueId = event.get("Uniqueid", "");
    int reason = ChannelSnapshot.parseInt(event.get("Reason"), 0);
    TrackedChannel channel = registry.channel(uniqueId);
    if (channel == null) {
      failedWithoutChannel(event, uniqueId, reason, now);
      return;
    }
    TrackedCall call = channel.call;
    registry.markOriginated(call);
    if (call.originateReason == null) {
      call.originateReason = reason;
    }
    if (reason == 4) {
      answers.customerAnswered(call, now);
    }
    if (registry.lingering(call)) {
      registry.finish(call, now);
    }
  }

  private void failedWithoutChannel(AmiMessage event, String uniqueId, int reason, Instant now) {
    if (!"Failure".equalsIgnoreCase(event.get("Response", ""))
        || uniqueId.isEmpty()
        || "<unknown>".equals(uniqueId)) {
      return;
    }
    ChannelSnapshot snapshot =
        new ChannelSnapshot(
            event.get("Channel", ""),
            uniqueId,
            uniqueId,
            0,
            ChannelSnapshot.known(event.get("CallerIDNum")),
            ChannelSnapshot.known(event.get("CallerIDName")),
            event.get("Context", ""),
            event.get("Exten", ""));
    TrackedChannel channel = registry.adopt(snapshot, now, now);
    if (channel == null) {
      return;
    }
    TrackedCall call = channel.call;
    channel.role = LegRole.CALLER;
    channel.placeholder = true;
    registry.markOriginated(call);
    call.originateReason = reason;
    if (call.originateId == null) {
      call.originateId = OriginateIds.fromUniqueId(uniqueId);
    }
    String number = DialStrings.number(event.get("Channel", ""));
    if (!number.isEmpty()) {
      call.dialledNumber = number;
    }
    registry.hangup(channel, null, now);
    if (registry.lingering(call)) {
      registry.finish(call, now);
    }
  }
}
