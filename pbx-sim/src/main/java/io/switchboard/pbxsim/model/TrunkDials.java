package io.switchboard.pbxsim.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dial-out contexts: an answered originate (an agent's phone) whose extension is a number runs
 * {@code Dial(PJSIP/<number>@<trunk>,<ring seconds>)} as a second leg, then {@code Hangup()}, the
 * way the dialer's preview dialplan and the console's click-to-dial context do ({@code
 * dialer/README.md} "Preview mode", {@code agent-ws/README.md} "Dialplan the actions assume"). The
 * far end follows the {@link OriginateScript} for that dial string (or the default policy), as an
 * originated customer would. Events as {@code apps/app_dial.c} publishes them: Newexten, the
 * callee's Newchannel, DialBegin with both snapshots, Newstate Ringing and DialState, then DialEnd
 * (ANSWER, BUSY, NOANSWER, CONGESTION, CHANUNAVAIL) and VarSet DIALSTATUS; on ANSWER both channels
 * enter one bridge; otherwise the callee hangs up and the caller's dialplan hangs it up too. Owned
 * by the model's thread.
 */
final class TrunkDials {

  /** Asterisk's Dial() default when the dialplan gives no timeout. */
  private static final int DEFAULT_RING_SECONDS = 30;

  private final PbxModel model;
  private final PbxCore core;
  private final Set<String> contexts = new HashSet<>(Set.of("dialer-preview", "from-internal"));
  private final Map<Channel, Ringing> ringing = new HashMap<>();

  TrunkDials(PbxModel model) {
    this.model = model;
    this.core = model.core();
  }

  void contexts(Set<String> names) {
    contexts.clear();
    names.forEach(c -> contexts.add(c.toLowerCase(Locale.ROOT)));
  }

  /** Whether {@code exten} in {@code context} is an E.164 number ({@code _+X.}) dialled out. */
  boolean dialsOut(String context, String exten) {
    return contexts.contains(context.toLowerCase(Locale.ROOT)) && exten.matches("\\+[0-9]+");
  }

  /**
   * {@code caller} (answered, its originate's {@code script} saying how long it stays) dials {@code
   * exten}: {@code Set(CALLERID(num)=${SWITCHBOARD_CALLER_ID})} when that variable is set, then
   * {@code Dial}.
   */
  void dial(Channel caller, String context, String exten, int priority, OriginateScript script) {
    int step = priority;
    String callerId = caller.variables().get("SWITCHBOARD_CALLER_ID");
    if (callerId != null) {
      core.newexten(caller, context, exten, step++, "Set", "CALLERID(num)=" + callerId);
      if (!callerId.equals(caller.callerNum)) {
        core.setCallerId(caller, callerId, caller.callerName);
      }
    }
    int seconds = ringSeconds(caller);
    String resource = exten + "@" + model.trunkName();
    core.newexten(caller, context, exten, step, "Dial", "PJSIP/" + resource + "," + seconds);
    OriginateScript far = model.originate().scriptFor("PJSIP/" + resource);
    Channel callee = model.request("PJSIP/" + resource, caller, null, null);
    core.setCallerId(callee, exten, null);
    core.setConnectedLine(callee, caller.callerNum, caller.callerName);
    core.dialBegin(caller, callee, resource);
    Ringing r = new Ringing(caller, callee, far, step + 1);
    ringing.put(caller, r);
    ringing.put(callee, r);
    if (script.talkMillis() != null) {
      core.scheduler().schedule(script.talkMillis(), () -> hangUpIfLive(caller));
    }
    if (far.outcome() == OriginateScript.Outcome.CONGESTION
        || far.outcome() == OriginateScript.Outcome.FAILED) {
      r.timer = core.scheduler().schedule(0, () -> resolve(r, far.outcome()));
      return;
    }
    core.setState(callee, ChannelState.RINGING);
    core.dialState(caller, callee, "RINGING");
    long limit = seconds * 1000L;
    boolean timesOut =
        far.outcome() == OriginateScript.Outcome.NO_ANSWER || far.ringMillis() >= limit;
    r.timer =
        core.scheduler()
            .schedule(
                timesOut ? limit : far.ringMillis(),
                () -> resolve(r, timesOut ? OriginateScript.Outcome.NO_ANSWER : far.outcome()));
  }

  private static int ringSeconds(Channel caller) {
    String value = caller.variables().get("SWITCHBOARD_RING_SECONDS");
    if (value != null && value.matches("[0-9]{1,4}") && Integer.parseInt(value) > 0) {
      return Integer.parseInt(value);
    }
    return DEFAULT_RING_SECONDS;
  }

  private void resolve(Ringing r, OriginateScript.Outcome outcome) {
    if (!forget(r)) {
      return;
    }
    switch (outcome) {
      case ANSWERED -> answer(r);
      case BUSY -> fail(r, "BUSY", 17, 17);
      case CONGESTION -> fail(r, "CONGESTION", 34, 34);
      case FAILED -> fail(r, "CHANUNAVAIL", 27, 16);
      default -> fail(r, "NOANSWER", 16, 16);
    }
  }

  private void answer(Ringing r) {
    Channel caller = r.caller;
    Channel callee = r.callee;
    core.setState(callee, ChannelState.UP);
    core.dialEnd(caller, callee, "ANSWER");
    core.setVar(caller, "DIALSTATUS", "ANSWER");
    Bridge b = core.bridgeCreate();
    core.bridgeEnter(b, callee, null);
    core.bridgeEnter(b, caller, null);
    if (r.far.talkMillis() != null) {
      core.scheduler().schedule(r.far.talkMillis(), () -> hangUpIfLive(callee));
    }
  }

  /**
   * The dial failed: DialEnd, the callee's Hangup, DIALSTATUS; Dial() returns and the next
   * priority, {@code Hangup()}, ends the caller with the callee's cause for busy and congestion
   * (app_dial copies it).
   */
  private void fail(Ringing r, String status, int calleeCause, int callerCause) {
    core.dialEnd(r.caller, r.callee, status);
    core.hangup(r.callee, calleeCause);
    core.setVar(r.caller, "DIALSTATUS", status);
    core.newexten(r.caller, r.caller.context, r.caller.exten, r.nextPriority, "Hangup", "");
    model.talk().hangup(r.caller, true, callerCause);
  }

  /**
   * A channel of a dial still ringing hangs up: the caller cancels (DialEnd CANCEL, the callee is
   * hung up) or the callee rejects it (treated as busy). False when {@code c} is not ringing here.
   */
  boolean hangupRinging(Channel c, boolean soft, int cause) {
    Ringing r = ringing.get(c);
    if (r == null || !forget(r)) {
      return false;
    }
    r.timer.cancel();
    if (c == r.callee) {
      fail(r, "BUSY", cause, cause);
      return true;
    }
    if (soft) {
      core.softHangupRequest(c, cause);
    } else {
      core.hangupRequest(c);
    }
    core.dialEnd(r.caller, r.callee, "CANCEL");
    core.hangup(r.callee, 16);
    core.hangup(r.caller, cause);
    return true;
  }

  private boolean forget(Ringing r) {
    boolean known = ringing.remove(r.caller, r) | ringing.remove(r.callee, r);
    return known && !r.caller.hungUp && !r.callee.hungUp;
  }

  private void hangUpIfLive(Channel c) {
    if (!c.hungUp) {
      model.talk().hangup(c, false, 16);
    }
  }

  private static final class Ringing {
    final Channel caller;
    final Channel callee;
    final OriginateScript far;
    final int nextPriority;
    SimScheduler.Timer timer;

    Ringing(Channel caller, Channel callee, OriginateScript far, int nextPriority) {
      this.caller = caller;
      this.callee = callee;
      this.far = far;
      this.nextPriority = nextPriority;
    }
  }
}
