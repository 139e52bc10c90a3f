package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's tiny dialplan for answered originates: an extension named like a queue runs
 * {@code Queue()}, an extension with a phone runs {@code Dial()}, a number in a dial-out context is
 * dialled through the trunk ({@link TrunkDials}), a context listed as an AMD context runs {@code
 * AMD()} first (VarSet AMDSTATUS then AMDCAUSE, {@code apps/app_amd.c}); applications ChanSpy, AMD
 * and Queue are understood, any other keeps the channel up. Owned by the model's thread.
 */
final class DialplanRunner {

  private final PbxModel model;
  private final PbxCore core;
  private final Set<String> amdContexts = new HashSet<>(Set.of("dialer-amd", "amd"));

  /**
   * Contexts whose extensions play a recording then hang up, with how long the recording lasts: a
   * dialer's abandon context ({@code exten => s,1,Playback(${SWITCHBOARD_ABANDON_MESSAGE})}, {@code
   * same => n,Hangup()}).
   */
  private final Map<String, Long> playbackContexts =
      new HashMap<>(Map.of("dialer-abandon", 5_000L));

  private final Map<Channel, Channel> spying = new HashMap<>();
  private final TrunkDials trunkDials;

  DialplanRunner(PbxModel model) {
    this.model = model;
    this.core = model.core();
    this.trunkDials = new TrunkDials(model);
    core.beforeHangup(this::spyEnds);
  }

  TrunkDials trunkDials() {
    return trunkDials;
  }

  void amdContexts(Set<String> contexts) {
    amdContexts.clear();
    contexts.forEach(c -> amdContexts.add(c.toLowerCase(Locale.ROOT)));
  }

  void playbackContexts(Map<String, Long> contexts) {
    playbackContexts.clear();
    contexts.forEach((c, millis) -> playbackContexts.put(c.toLowerCase(Locale.ROOT), millis));
  }

  /**
   * A channel sent (by Redirect or transfer) to a playback context plays the recording named by its
   * {@code SWITCHBOARD_ABANDON_MESSAGE} variable and is hung up by the dialplan; false for any
   * other context.
   */
  boolean playback(Channel c, String context, String exten, int priority) {
    Long millis = playbackContexts.get(context.toLowerCase(Locale.ROOT));
    if (millis == null) {
      return false;
    }
    String message = c.variables().getOrDefault("SWITCHBOARD_ABANDON_MESSAGE", "");
    core.newexten(c, context, exten, priority, "Playback", message);
    core.scheduler()
        .schedule(
            millis,
            () -> {
              if (!c.hungUp) {
                core.newexten(c, context, exten, priority + 1, "Hangup", "");
                model.talk().hangup(c, true, 16);
              }
            });
    return true;
  }

  void run(Channel out, OriginateRequest req, OriginateScript script) {
    CallBehaviour behaviour =
        new CallBehaviour(script.agentAnswerMillis(), script.talkMillis(), false, null);
    if (req.isApplication()) {
      application(out, req.application(), req.data(), script, behaviour);
      return;
    }
    int priority = Math.max(1, req.priority());
    if (amdContexts.contains(req.context().toLowerCase(Locale.ROOT))) {
      core.newexten(out, req.context(), req.exten(), priority++, "AMD", "");
      amd(out, script);
      if (!"HUMAN".equals(script.amdStatus())) {
        core.newexten(out, req.context(), req.exten(), priority, "Hangup", "");
        model.talk().hangup(out, true, 16);
        return;
      }
    }
    CallQueue q = model.queue(req.exten());
    if (q != null) {
      core.newexten(out, req.context(), req.exten(), priority, "Queue", q.name);
      model.queueEngine().join(out, q, behaviour);
      return;
    }
    if (model.existingDevice("PJSIP/" + req.exten()) != null) {
      model.talk().dialDirect(out, req.exten(), behaviour, priority);
      return;
    }
    if (trunkDials.dialsOut(req.context(), req.exten())) {
      trunkDials.dial(out, req.context(), req.exten(), priority, script);
      return;
    }
    core.newexten(out, req.context(), req.exten(), priority, "Wait", "3600");
    hangUpLater(out, script);
  }

  private void application(
      Channel out, String app, String data, OriginateScript script, CallBehaviour behaviour) {
    out.application = app;
    out.applicationData = data;
    switch (app.toLowerCase(Locale.ROOT)) {
      case "chanspy" -> spy(out, data);
      case "amd" -> {
        amd(out, script);
        model.talk().hangup(out, true, 16);
      }
      case "queue" -> {
        CallQueue q = model.queue(data.split(",", -1)[0]);
        if (q == null) {
          model.talk().hangup(out, true, 16);
        } else {
          model.queueEngine().join(out, q, behaviour);
        }
      }
      default -> hangUpLater(out, script);
    }
  }

  private void amd(Channel out, OriginateScript script) {
    core.setVar(out, "AMDSTATUS", script.amdStatus());
    core.setVar(out, "AMDCAUSE", script.amdCause());
  }

  private void hangUpLater(Channel out, OriginateScript script) {
    if (script.talkMillis() != null) {
      core.scheduler()
          .schedule(
              script.talkMillis(),
              () -> {
                if (!out.hungUp) {
                  model.talk().hangup(out, false, 16);
                }
              });
    }
  }

  /**
   * {@code ChanSpy(<prefix>,...)}: spies on the first other channel whose name starts with the
   * prefix.
   */
  private void spy(Channel spyer, String data) {
    String prefix = data.split(",", -1)[0];
    for (Channel c : core.channels()) {
      if (c != spyer
          && !prefix.isEmpty()
          && c.name().regionMatches(true, 0, prefix, 0, prefix.length())) {
        spying.put(spyer, c);
        core.emit(spyEvent("ChanSpyStart", spyer, c));
        return;
      }
    }
  }

  private void spyEnds(Channel c) {
    Channel spyee = spying.remove(c);
    Channel spyer = c;
    if (spyee == null) {
      for (Map.Entry<Channel, Channel> e : spying.entrySet()) {
        if (e.getValue() == c) {
          spyer = e.getKey();
          spyee = c;
        }
      }
      if (spyee == null) {
        return;
      }
      spying.remove(spyer);
    }
    core.emit(spyEvent("ChanSpyStop", spyer, spyee));
  }

  private static AmiMessage spyEvent(String name, Channel spyer, Channel spyee) {
    AmiMessage.Builder b = AmiEvents.event(name, AmiEvents.CALL);
    AmiEvents.snapshot(b, "Spyer", spyer);
    return AmiEvents.snapshot(b, "Spyee", spyee).build();
  }
}
