package io.switchboard.agentws.wallboard;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The calls in progress, by their stable call id, with an index by current Linkedid (the agents'
 * states name their call by Linkedid). Bounded: a new call beyond {@code maxCalls} is refused. Not
 * thread-safe: owned by the {@link WallboardCalculator}.
 */
final class LiveCalls {

  private final int maxCalls;
  private final Map<String, LiveCall> byCallId = new HashMap<>();
  private final Map<String, String> callIdByLinkedId = new HashMap<>();

  LiveCalls(int maxCalls) {
    this.maxCalls = maxCalls;
  }

  /**
   * The call, created (as not listed yet) on first sight, its Linkedid and caller number brought up
   * to date; null when it is new and there are {@code maxCalls} calls already.
   */
  LiveCall seen(String callId, String serverId, String linkedId, String callerNumber, Instant at) {
    LiveCall call = byCallId.get(callId);
    if (call == null) {
      if (byCallId.size() >= maxCalls) {
        return null;
      }
      call = new LiveCall(serverId, callId, linkedId, callerNumber, at);
      byCallId.put(callId, call);
    } else if (call.callerNumber.isEmpty() && callerNumber != null) {
      call.callerNumber = callerNumber;
    }
    relink(call, linkedId);
    return call;
  }

  /** The call, or null when not followed. */
  LiveCall get(String callId) {
    return byCallId.get(callId);
  }

  /** The call now known by {@code linkedId}, or null. */
  LiveCall byLinkedId(String linkedId) {
    String callId = linkedId == null ? null : callIdByLinkedId.get(linkedId);
    return callId == null ? null : byCallId.get(callId);
  }

  /** The call goes by another Linkedid from now on (a transfer). */
  void relink(LiveCall call, String linkedId) {
    if (!linkedId.equals(call.linkedId)) {
      callIdByLinkedId.remove(call.linkedId, call.callId);
      call.linkedId = linkedId;
    }
    callIdByLinkedId.put(linkedId, call.callId);
  }

  /** Forgets the call; returns it, or null when it was not followed. */
  LiveCall remove(String callId) {
    LiveCall call = byCallId.remove(callId);
    if (call != null) {
      callIdByLinkedId.remove(call.linkedId, callId);
    }
    return call;
  }

  Collection<LiveCall> all() {
    return byCallId.values();
  }
}
