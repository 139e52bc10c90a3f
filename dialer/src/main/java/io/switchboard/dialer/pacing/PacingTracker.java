package io.switchboard.dialer.pacing;

import io.switchboard.dialer.pacing.PacingEvent.AgentStateChanged;
import io.switchboard.dialer.pacing.PacingEvent.AmdResult;
import io.switchboard.dialer.pacing.PacingEvent.CallAnswered;
import io.switchboard.dialer.pacing.PacingEvent.CallBridged;
import io.switchboard.dialer.pacing.PacingEvent.CallEnded;
import io.switchboard.dialer.pacing.PacingEvent.CallOriginated;
import io.switchboard.dialer.pacing.PacingEvent.CallQueued;
import io.switchboard.dialer.pacing.PacingEvent.CallRinging;
import io.switchboard.dialer.pacing.PacingSnapshot.AgentView;
import io.switchboard.dialer.pacing.PacingSnapshot.CallView;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rebuilds the campaign's calls and agents from normalized events and serves them as a {@link
 * PacingSnapshot}. Not thread-safe: owned by the runner that feeds it events.
 */
public final class PacingTracker implements PacingSnapshot {
  private final Map<String, CallView> calls = new LinkedHashMap<>();
  private final Map<String, AgentView> agents = new LinkedHashMap<>();
  private final int[] phaseCounts = new int[CallPhase.values().length];
  private final int[] stateCounts = new int[AgentState.values().length];

  /** Applies one event. Events for unknown calls (e.g. after a restart) are ignored. */
  public void on(PacingEvent event) {
    double t = PacingEvent.seconds(event.at());
    if (event instanceof CallOriginated e) {
      put(new CallView(e.callId(), CallPhase.DIALING, t, t));
    } else if (event instanceof CallRinging e) {
      move(e.callId(), CallPhase.RINGING, t);
    } else if (event instanceof CallAnswered e) {
      move(e.callId(), CallPhase.ANSWERED, t);
    } else if (event instanceof AmdResult e) {
      // The phase changes on CallQueued or CallEnded, which follow the result.
      return;
    } else if (event instanceof CallQueued e) {
      move(e.callId(), CallPhase.QUEUED, t);
    } else if (event instanceof CallBridged e) {
      move(e.callId(), CallPhase.BRIDGED, t);
    } else if (event instanceof CallEnded e) {
      CallView old = calls.remove(e.callId());
      if (old != null) {
        phaseCounts[old.phase().ordinal()]--;
      }
    } else if (event instanceof AgentStateChanged e) {
      AgentView old = agents.remove(e.agentId());
      if (old != null) {
        stateCounts[old.state().ordinal()]--;
      }
      if (e.state() != AgentState.LOGGED_OUT) {
        agents.put(e.agentId(), new AgentView(e.agentId(), e.state(), t));
        stateCounts[e.state().ordinal()]++;
      }
    }
  }

  private void put(CallView view) {
    CallView old = calls.put(view.callId(), view);
    if (old != null) {
      phaseCounts[old.phase().ordinal()]--;
    }
    phaseCounts[view.phase().ordinal()]++;
  }

  private void move(String callId, CallPhase phase, double t) {
    CallView old = calls.get(callId);
    if (old != null) {
      put(new CallView(callId, phase, old.originatedAt(), t));
    }
  }

  @Override
  public Collection<CallView> calls() {
    return Collections.unmodifiableCollection(calls.values());
  }

  @Override
  public Collection<AgentView> agents() {
    return Collections.unmodifiableCollection(agents.values());
  }

  @Override
  public int agentsIn(AgentState state) {
    return stateCounts[state.ordinal()];
  }

  @Override
  public int callsIn(CallPhase phase) {
    return phaseCounts[phase.ordinal()];
  }
}
