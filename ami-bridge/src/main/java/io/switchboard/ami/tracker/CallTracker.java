package io.switchboard.ami.tracker;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ami.client.AmiSessionListener;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.codec.AmiMessageKind;
import io.switchboard.core.call.QueueMemberChange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call state of one Asterisk server, built from its AMI events: channels by Uniqueid grouped
 * into calls by Linkedid (reference/ami-protocol.md 1.9), queue members and waiting callers. It
 * publishes each change through its {@link CallTrackerSink} and hands over one {@link CallRecord}
 * when the last channel of a call hangs up. A pure state machine: no I/O, time from the injected
 * clock, every map bounded by {@link CallTrackerLimits}.
 *
 * <p>Threading: not thread-safe. The AMI client of its server calls it on that client's context
 * (the {@link AmiSessionListener} contract); {@link #expire()} must be called on the same context,
 * about once a second, so that an originated call whose {@code OriginateResponse} never comes still
 * ends.
 */
public final class CallTracker implements AmiSessionListener {

  private static final Logger LOG = LoggerFactory.getLogger(CallTracker.class);

  private final String serverId;
  private final Clock clock;
  private final CallTrackerMetrics metrics;
  private final CallRegistry registry;
  private final QueueRoster roster;
  private final ChannelEvents channelEvents;
  private final DialEvents dialEvents;
  private final TransferEvents transferEvents;
  private final QueueCallEvents queueCallEvents;
  private final TrackerResync resync;
  private Instant disconnectedAt;

  /** A tracker with the default limits and trunk policy. */
  public CallTracker(String serverId, Clock clock, CallTrackerSink sink, MeterRegistry meters) {
    this(serverId, clock, sink, meters, CallTrackerLimits.DEFAULT, TrunkPolicy.DEFAULT);
  }

  public CallTracker(
      String serverId,
      Clock clock,
      CallTrackerSink sink,
      MeterRegistry meters,
      CallTrackerLimits limits,
      TrunkPolicy trunks) {
    this.serverId = serverId;
    this.clock = clock;
    this.metrics = new CallTrackerMetrics(meters, serverId);
    this.roster =
        new QueueRoster(
            serverId,
            limits.maxQueueMembers(),
            limits.maxQueueCallers(),
            sink::publish,
            metrics::refused);
    this.registry = new CallRegistry(serverId, limits, trunks, sink, metrics, roster);
    CallAnswers answers = new CallAnswers(registry);
    this.channelEvents = new ChannelEvents(registry, answers);
    this.dialEvents = new DialEvents(registry, answers);
    this.transferEvents = new TransferEvents(registry);
    this.queueCallEvents = new QueueCallEvents(registry, answers, roster);
    this.resync = new TrackerResync(registry, answers, roster);
    metrics.gauges(registry::liveCalls, registry::liveChannels);
  }

  @Override
  public void onResync(String server, List<AmiMessage> channels, List<AmiMessage> queueStatus) {
    if (!mine(server)) {
      return;
    }
    Instant now = clock.instant();
    Instant lostAt = disconnectedAt == null ? now : disconnectedAt;
    resync.resync(channels, queueStatus, lostAt, now);
    disconnectedAt = null;
  }

  @Override
  public void onDisconnected(String server, String reason) {
    if (mine(server) && disconnectedAt == null) {
      disconnectedAt = clock.instant();
    }
  }

  @Override
  public void onEvent(String server, AmiMessage event) {
    if (!mine(server) || event.kind() != AmiMessageKind.EVENT) {
      return;
    }
    Instant now = clock.instant();
    switch (event.name()) {
      case "Newchannel" -> channelEvents.newChannel(event, now);
      case "Newstate" -> channelEvents.newState(event, now);
      case "NewCallerid" -> channelEvents.newCallerId(event, now);
      case "HangupRequest" -> channelEvents.hangupRequest(event, now);
      case "Hangup" -> channelEvents.hangup(event, now);
      case "VarSet" -> channelEvents.varSet(event, now);
      case "Hold", "MusicOnHoldStart" -> channelEvents.holdStart(event, now);
      case "Unhold", "MusicOnHoldStop" -> channelEvents.holdStop(event, now);
      case "MixMonitorStart" -> channelEvents.mixMonitorStart(event, now);
      case "BridgeEnter" -> channelEvents.bridgeEnter(event, now);
      case "BridgeLeave" -> channelEvents.bridgeLeave(event, now);
      case "DialBegin" -> dialEvents.dialBegin(event, now);
      case "DialEnd" -> dialEvents.dialEnd(event, now);
      case "OriginateResponse" -> dialEvents.originateResponse(event, now);
      case "BlindTransfer" -> transferEvents.blindTransfer(event, now);
      case "AttendedTransfer" -> transferEvents.attendedTransfer(event, now);
      case "LocalBridge", "LocalOptimizationBegin", "LocalOptimizationEnd" ->
          transferEvents.localOptimization(event, now);
      default -> queueOrOther(event, now);
    }
  }

  private void queueOrOther(AmiMessage event, Instant now) {
    switch (event.name()) {
      case "QueueCallerJoin" -> queueCallEvents.callerJoin(event, now);
      case "QueueCallerAbandon" -> queueCallEvents.callerAbandon(event, now);
      case "QueueCallerLeave" -> queueCallEvents.callerLeave(event, now);
      case "AgentCalled" -> queueCallEvents.agentCalled(event, now);
      case "AgentRingNoAnswer" -> queueCallEvents.agentRingNoAnswer(event, now);
      case "AgentConnect" -> queueCallEvents.agentConnect(event, now);
      case "AgentComplete" -> queueCallEvents.agentComplete(event, now);
      case "AgentDump" -> queueCallEvents.agentDump(event, now);
      case "QueueMemberAdded" -> roster.memberChanged(event, QueueMemberChange.ADDED, now);
      case "QueueMemberRemoved" -> roster.memberRemoved(event, now);
      case "QueueMemberPause" -> roster.memberChanged(event, QueueMemberChange.PAUSED, now);
      case "QueueMemberStatus", "QueueMemberPenalty", "QueueMemberRinginuse" ->
          roster.memberChanged(event, QueueMemberChange.STATUS, now);
      case "SoftHangupRequest",
          "NewConnectedLine",
          "NewAccountCode",
          "Newexten",
          "DialState",
          "MixMonitorStop" ->
          channelEvents.live(event, now);
      default -> {
        // Not about calls or queues (DeviceStateChange, security, RTCP...): nothing to track.
      }
    }
  }

  /**
   * Ends the originated calls whose {@code OriginateResponse} did not come within {@link
   * CallTrackerLimits#originateLinger()} of their last hangup. Call about once a second.
   */
  public void expire() {
    registry.expire(clock.instant());
  }

  public String serverId() {
    return serverId;
  }

  /** Calls in progress. */
  public int liveCalls() {
    return registry.liveCalls();
  }

  /** Channels of calls in progress (hung-up legs of live calls included). */
  public int liveChannels() {
    return registry.liveChannels();
  }

  /** The Linkedids of the calls in progress, for diagnostics and tests. */
  public List<String> liveLinkedIds() {
    List<String> ids = new ArrayList<>();
    for (TrackedCall call : registry.calls()) {
      ids.add(call.linkedId);
    }
    return ids;
  }

  /** A snapshot of every queue member, for a console that (re)connects. */
  public List<QueueMemberState> queueMembers() {
    return roster.members();
  }

  /** A snapshot of every waiting caller, for a console that (re)connects. */
  public List<QueueCallerState> queueCallers() {
    return roster.callers();
  }

  /** Removes this tracker's meters; its state is dropped with it. */
  public void close() {
    metrics.close();
  }

  private boolean mine(String server) {
    if (serverId.equals(server)) {
      return true;
    }
    LOG.warn(
        "Call tracker of AMI server {} was given input of server {}; ignored", serverId, server);
    return false;
  }
}
