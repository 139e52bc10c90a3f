package io.switchboard.ami.tracker;

import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.OriginateIds;
import io.switchboard.core.call.PbxEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live calls and channels of one server: channels by Uniqueid, calls by every Linkedid their
 * channels carried. Creates calls and channels within the limits, moves a channel when its Linkedid
 * changes (transfers and bridges make the oldest Linkedid win, reference/ami-protocol.md 1.9),
 * merges a call whose channels all moved, and finishes a call when its last channel hangs up. Not
 * thread-safe: owned by one {@link CallTracker}.
 */
final class CallRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(CallRegistry.class);

  /** After the first refusal, one log line per this many, so a flood does not flood the log. */
  private static final int REFUSAL_LOG_EVERY = 1000;

  final String serverId;
  final CallTrackerLimits limits;
  final CallRecordAssembler assembler;
  private final TrunkPolicy trunks;
  private final CallTrackerSink sink;
  private final CallTrackerMetrics metrics;
  private final QueueRoster roster;

  private final Map<String, TrackedChannel> channels = new HashMap<>();
  private final Map<String, TrackedCall> calls = new HashMap<>();
  private final List<TrackedCall> lingering = new ArrayList<>();
  private int liveCalls;
  private long refusals;

  CallRegistry(
      String serverId,
      CallTrackerLimits limits,
      TrunkPolicy trunks,
      CallTrackerSink sink,
      CallTrackerMetrics metrics,
      QueueRoster roster) {
    this.serverId = serverId;
    this.limits = limits;
    this.trunks = trunks;
    this.sink = sink;
    this.metrics = metrics;
    this.roster = roster;
    this.assembler = new CallRecordAssembler(serverId);
  }

  int liveCalls() {
    return liveCalls;
  }

  int liveChannels() {
    return channels.size();
  }

  TrackedChannel channel(String uniqueId) {
    return channels.get(uniqueId);
  }

  TrackedCall call(String linkedId) {
    return calls.get(linkedId);
  }

  /** Every distinct live call. */
  List<TrackedCall> calls() {
    return new ArrayList<>(new LinkedHashSet<>(calls.values()));
  }

  /** Every tracked channel, hung-up legs of live calls included. */
  List<TrackedChannel> channels() {
    return new ArrayList<>(channels.values());
  }

  void unknownChannel() {
    metrics.unknownChannel();
  }

  void publish(PbxEvent event) {
    sink.publish(event);
  }

  /**
   * The channel an event is about: known (its Linkedid brought up to date) or adopted, so that a
   * call that started before the tracker did is still followed. Null when refused at a limit.
   */
  TrackedChannel touch(ChannelSnapshot snapshot, Instant now) {
    TrackedChannel channel = channels.get(snapshot.uniqueId());
    if (channel == null) {
      return adopt(snapshot, now, now);
    }
    if (!channel.ended() && !snapshot.linkedId().equals(channel.linkedId)) {
      relink(channel, snapshot.linkedId(), now);
    }
    return channel;
  }

  /** A channel the tracker did not know, created in the call of its Linkedid. */
  TrackedChannel adopt(ChannelSnapshot snapshot, Instant createdAt, Instant now) {
    if (channels.size() >= limits.maxChannels()) {
      return refuse("channels", snapshot);
    }
    TrackedCall call = calls.get(snapshot.linkedId());
    if (call == null && liveCalls >= limits.maxCalls()) {
      return refuse("calls", snapshot);
    }
    if (call != null && call.channels.size() >= limits.maxChannelsPerCall()) {
      return refuse("channels_per_call", snapshot);
    }
    TrackedChannel channel =
        new TrackedChannel(
            snapshot, trunks.isTrunk(snapshot.channel(), snapshot.context()), createdAt);
    channels.put(channel.uniqueId, channel);
    if (call != null) {
      attach(call, channel);
      return channel;
    }
    call = new TrackedCall(serverId + ":" + snapshot.linkedId(), snapshot.linkedId(), createdAt);
    calls.put(call.linkedId, call);
    liveCalls++;
    attach(call, channel);
    describeFirstChannel(call, channel, snapshot);
    sink.publish(assembler.created(call));
    return channel;
  }

  private void describeFirstChannel(
      TrackedCall call, TrackedChannel channel, ChannelSnapshot snapshot) {
    if (channel.isParty()) {
      channel.role = LegRole.CALLER;
    }
    call.callerNumber = snapshot.callerNumber();
    call.callerName = snapshot.callerName();
    String exten = snapshot.exten();
    if (channel.local) {
      call.dialledNumber = DialStrings.number(channel.name);
    } else if (!exten.isEmpty() && !"s".equals(exten)) {
      call.dialledNumber = exten;
    }
    String originateId = OriginateIds.fromUniqueId(channel.uniqueId);
    if (originateId != null) {
      call.originateId = originateId;
      markOriginated(call);
    } else if (channel.trunk) {
      call.direction = CallDirection.INBOUND;
    }
  }

  void markOriginated(TrackedCall call) {
    call.originated = true;
    call.direction = CallDirection.OUTBOUND;
  }

  private void attach(TrackedCall call, TrackedChannel channel) {
    channel.call = call;
    call.channels.add(channel);
    if (!channel.ended()) {
      call.liveChannels++;
      if (call.lingerUntil != null) {
        // A call waiting for its OriginateResponse has a live channel again: not over.
        lingering.remove(call);
        call.lingerUntil = null;
      }
    }
  }

  private TrackedChannel refuse(String limit, ChannelSnapshot snapshot) {
    metrics.refused(limit);
    if (refusals++ % REFUSAL_LOG_EVERY == 0) {
      LOG.error(
          "AMI server {}: limit of {} reached ({}), channel {} ({}) is not tracked; {} refusals"
              + " so far",
          serverId,
          limit,
          limit.equals("calls")
              ? limits.maxCalls()
              : limit.equals("channels") ? limits.maxChannels() : limits.maxChannelsPerCall(),
          snapshot.channel(),
          snapshot.uniqueId(),
          refusals);
    }
    return null;
  }

  /** A channel now carries another Linkedid: it moves to that call, or the call gets the key. */
  void relink(TrackedChannel channel, String linkedId, Instant now) {
    TrackedCall source = channel.call;
    TrackedCall target = calls.get(linkedId);
    channel.linkedId = linkedId;
    if (target == source) {
      return;
    }
    if (target == null) {
      calls.put(linkedId, source);
      source.keys.add(linkedId);
      source.linkedId = linkedId;
      return;
    }
    move(channel, source, target, now);
    if (source.liveChannels == 0) {
      merge(source, target, now);
    }
  }

  private void move(TrackedChannel channel, TrackedCall source, TrackedCall target, Instant now) {
    boolean held = channel.held;
    channel.endHold(now);
    source.channels.remove(channel);
    if (!channel.ended()) {
      source.liveChannels--;
    }
    channel.role =
        channel.role == LegRole.AGENT || channel.role == LegRole.TRANSFER
            ? LegRole.TRANSFER
            : LegRole.OTHER;
    attach(target, channel);
    if (held) {
      channel.startHold(now);
    }
  }

  /** Folds a call whose channels all moved into {@code target}; it gets no call log of its own. */
  void merge(TrackedCall source, TrackedCall target, Instant now) {
    if (source == target) {
      return;
    }
    sink.publish(assembler.merged(source, target, now));
    for (TrackedChannel channel : new ArrayList<>(source.channels)) {
      move(channel, source, target, now);
    }
    if (source.offers != null) {
      for (AgentOffer offer : source.offers) {
        if (target.offers().size() < limits.maxOffersPerCall()) {
          target.offers().add(offer);
        }
      }
    }
    if (source.transfers != null) {
      target.transfers().addAll(source.transfers);
    }
    if (target.recordingFile == null) {
      target.recordingFile = source.recordingFile;
    }
    target.recorded |= source.recorded;
    target.holdMs += source.holdMs;
    target.reconciled |= source.reconciled;
    target.mergedFromCallId = source.callId;
    for (String key : source.keys) {
      calls.put(key, target);
      target.keys.add(key);
    }
    lingering.remove(source);
    liveCalls--;
  }

  /** A channel hung up; its call ends with its last channel. */
  void hangup(TrackedChannel channel, Integer cause, Instant now) {
    if (channel.ended()) {
      return;
    }
    TrackedCall call = channel.call;
    channel.endedAt = now;
    channel.hangupCause = cause;
    channel.endHold(now);
    call.liveChannels--;
    if (cause != null && channel.isParty()) {
      call.hangupCause = cause;
    }
    if (call.liveChannels == 0) {
      endOrLinger(call, now);
    }
  }

  private void endOrLinger(TrackedCall call, Instant now) {
    boolean awaitingOriginateResponse =
        call.originated
            && call.originateReason == null
            && call.answeredAt == null
            && !call.reconciled
            && !limits.originateLinger().isZero();
    if (awaitingOriginateResponse) {
      call.lingerUntil = now.plus(limits.originateLinger());
      lingering.add(call);
      return;
    }
    finish(call, now);
  }

  /** Ends the calls whose wait for their {@code OriginateResponse} is over. */
  void expire(Instant now) {
    Iterator<TrackedCall> waiting = lingering.iterator();
    List<TrackedCall> due = new ArrayList<>();
    while (waiting.hasNext()) {
      TrackedCall call = waiting.next();
      if (!call.lingerUntil.isAfter(now)) {
        due.add(call);
      }
    }
    due.forEach(call -> finish(call, now));
  }

  /**
   * Ends every call waiting for an {@code OriginateResponse} now: after a lost connection it will
   * never come, so their outcome is an estimate.
   */
  void expireAll(Instant now) {
    for (TrackedCall call : new ArrayList<>(lingering)) {
      call.reconciled = true;
      finish(call, now);
    }
  }

  boolean lingering(TrackedCall call) {
    return call.lingerUntil != null && lingering.contains(call);
  }

  /** Writes the call's record and forgets it. */
  void finish(TrackedCall call, Instant now) {
    lingering.remove(call);
    CallRecord record = assembler.record(call, now);
    for (String key : call.keys) {
      calls.remove(key, call);
    }
    for (TrackedChannel channel : call.channels) {
      channels.remove(channel.uniqueId, channel);
      roster.channelGone(channel, record.endedAt());
    }
    liveCalls--;
    metrics.ended(record.outcome(), record.reconciled());
    sink.publish(record.toEndedEvent());
    sink.callFinished(record);
  }
}
