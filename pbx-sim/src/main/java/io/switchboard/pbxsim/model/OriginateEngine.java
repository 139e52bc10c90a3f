package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * {@code Action: Originate} with the validation and wording of {@code action_originate} and the
 * outcome events of {@code fast_originate} (reference 1.7): Newchannel, VarSets, DialBegin with
 * only {@code Dest} fields, then either the answer and {@code OriginateResponse} Reason 4, or the
 * Hangup and Reason 5/3/8, or no channel at all and Reason 0. What the far end does comes from a
 * script per dial string, else from the default policy (seeded). Owned by the model's thread.
 */
public final class OriginateEngine {

  /**
   * Scripts waiting for their originate; bounded so a test that forgets them cannot grow memory.
   */
  private static final int MAX_SCRIPTS = 10_000;

  private final PbxModel model;
  private final PbxCore core;
  private final Map<String, ArrayDeque<OriginateScript>> scripts = new HashMap<>();
  private final Map<Channel, Pending> ringing = new HashMap<>();
  private final DialplanRunner dialplan;
  private Function<String, OriginateScript> policy = d -> OriginateScript.answered(2_000);
  private int scriptCount;

  OriginateEngine(PbxModel model, RandomGenerator random) {
    this.model = model;
    this.core = model.core();
    this.dialplan = new DialplanRunner(model);
  }

  /** Contexts whose dialplan runs {@code AMD()} before anything else. */
  public void amdContexts(java.util.Set<String> contexts) {
    dialplan.amdContexts(contexts);
  }

  /**
   * Contexts that play a recording for the given milliseconds and hang up (default: {@code
   * dialer-abandon}, 5 s), the way a dialer's abandon-message dialplan does.
   */
  public void playbackContexts(Map<String, Long> contexts) {
    dialplan.playbackContexts(contexts);
  }

  /**
   * Contexts where an answered originate whose extension is a number dials it through the trunk as
   * a second leg (default: {@code dialer-preview}, {@code from-internal}).
   */
  public void dialOutContexts(java.util.Set<String> contexts) {
    dialplan.trunkDials().contexts(contexts);
  }

  /** Runs a playback context for a redirected channel; false when the context is not one. */
  boolean playback(Channel c, String context, String exten, int priority) {
    return dialplan.playback(c, context, exten, priority);
  }

  /**
   * The next originate to {@code dialString} (e.g. {@code PJSIP/5551000@trunk}) follows {@code
   * script}.
   */
  public void script(String dialString, OriginateScript script) {
    if (scriptCount >= MAX_SCRIPTS) {
      throw new IllegalStateException("more than " + MAX_SCRIPTS + " unused originate scripts");
    }
    scripts
        .computeIfAbsent(dialString.toLowerCase(java.util.Locale.ROOT), k -> new ArrayDeque<>())
        .add(script);
    scriptCount++;
  }

  /** What unscripted originates do (the traffic generator's outcome mix). */
  public void policy(Function<String, OriginateScript> policy) {
    this.policy = policy;
  }

  /**
   * What the far end of {@code dialString} does: the next script for it, else the policy. The
   * dial-out contexts' second legs ({@link TrunkDials}) ask too, so a test scripts a lead's answer
   * the same way as an originated customer's.
   */
  OriginateScript scriptFor(String dialString) {
    ArrayDeque<OriginateScript> queue = scripts.get(dialString.toLowerCase(java.util.Locale.ROOT));
    if (queue != null && !queue.isEmpty()) {
      scriptCount--;
      return queue.poll();
    }
    return policy.apply(dialString);
  }

  CompletionStage<Void> handle(AmiMessage action, Consumer<AmiMessage> reply) {
    String error = validate(action);
    if (error != null) {
      reply.accept(Replies.error(action, error));
      return CompletableFuture.completedFuture(null);
    }
    OriginateRequest req = parse(action);
    if (!req.async()
        && !req.isApplication()
        && (req.exten().isEmpty() || req.context().isEmpty() || req.priority() == 0)) {
      reply.accept(
          Replies.error(action, "Originate with 'Exten' requires 'Context' and 'Priority'"));
      return CompletableFuture.completedFuture(null);
    }
    if (req.async()) {
      reply.accept(Replies.success(action, "Originate successfully queued"));
      core.scheduler().schedule(0, () -> launch(req, null));
      return CompletableFuture.completedFuture(null);
    }
    // A synchronous Originate holds the session until the call is answered or fails (reference
    // 1.5).
    CompletableFuture<Void> done = new CompletableFuture<>();
    launch(
        req,
        ok -> {
          reply.accept(
              ok
                  ? Replies.success(action, "Originate successfully queued")
                  : Replies.error(action, "Originate failed"));
          done.complete(null);
        });
    return done;
  }

  private static String validate(AmiMessage a) {
    String channel = Replies.header(a, "Channel");
    if (channel.isEmpty()) {
      return "Channel not specified";
    }
    String priority = Replies.header(a, "Priority");
    if (!priority.isEmpty() && !priority.matches("-?\\d+")) {
      return "Invalid priority";
    }
    String timeout = Replies.header(a, "Timeout");
    if (!timeout.isEmpty() && !timeout.matches("-?\\d+")) {
      return "Invalid timeout";
    }
    if (channel.indexOf('/') < 0) {
      return "Invalid channel";
    }
    boolean dialplanTarget = !priority.isEmpty() && Integer.parseInt(priority) != 0;
    if (dialplanTarget
        && (Replies.header(a, "Exten").isEmpty() || Replies.header(a, "Context").isEmpty())) {
      return "Extension does not exist.";
    }
    return null;
  }

  private static OriginateRequest parse(AmiMessage a) {
    String priority = Replies.header(a, "Priority");
    String timeout = Replies.header(a, "Timeout");
    String[] cid = OriginateRequest.parseCallerId(Replies.header(a, "CallerID"));
    return new OriginateRequest(
        Replies.actionId(a),
        Replies.header(a, "Channel"),
        Replies.header(a, "Context"),
        Replies.header(a, "Exten"),
        priority.isEmpty() ? 0 : Integer.parseInt(priority),
        Replies.header(a, "Application"),
        Replies.header(a, "Data"),
        timeout.isEmpty() ? 30_000 : Integer.parseInt(timeout),
        cid[0],
        cid[1],
        OriginateRequest.variables(a),
        Replies.header(a, "ChannelId"),
        Replies.header(a, "OtherChannelId"),
        AstWords.isTrue(Replies.header(a, "Async")));
  }

  private void launch(OriginateRequest req, Consumer<Boolean> syncDone) {
    OriginateScript script = scriptFor(req.channel());
    String otherId =
        req.otherChannelId().isEmpty() && !req.channelId().isEmpty()
            ? req.channelId() + ";2"
            : req.otherChannelId();
    Channel out =
        script.outcome() == OriginateScript.Outcome.FAILED
            ? null
            : model.request(req.channel(), null, req.channelId(), otherId);
    if (out == null) {
      finish(req, null, OriginateScript.Outcome.FAILED.reason(), syncDone);
      return;
    }
    if (out.localPartner != null) {
      model.talk().localBridgeEvent(out);
    }
    for (Map.Entry<String, String> v : req.variables()) {
      core.setVar(out, v.getKey(), v.getValue());
    }
    if (!req.cidNum().isEmpty() || !req.cidName().isEmpty()) {
      core.setCallerId(out, req.cidNum(), req.cidName());
    }
    String resource = req.channel().substring(req.channel().indexOf('/') + 1);
    core.dialBegin(null, out, resource);
    Pending p = new Pending(req, out, script, syncDone);
    ringing.put(out, p);
    boolean timesOut =
        script.outcome() == OriginateScript.Outcome.NO_ANSWER
            || script.ringMillis() >= req.timeoutMillis();
    if (script.outcome() != OriginateScript.Outcome.CONGESTION) {
      core.setState(out, ChannelState.RINGING);
      core.dialState(null, out, "RINGING");
    }
    long delay = timesOut ? req.timeoutMillis() : script.ringMillis();
    p.timer = core.scheduler().schedule(delay, () -> resolve(p, timesOut));
  }

  private void resolve(Pending p, boolean timedOut) {
    ringing.remove(p.channel);
    Channel out = p.channel;
    OriginateScript.Outcome outcome =
        timedOut ? OriginateScript.Outcome.NO_ANSWER : p.script.outcome();
    switch (outcome) {
      case ANSWERED -> {
        core.setState(out, ChannelState.UP);
        core.dialEnd(null, out, "ANSWER");
        if (out.localPartner != null) {
          core.setState(out.localPartner, ChannelState.UP);
        }
        finish(p.request, out, outcome.reason(), p.syncDone);
        dialplan.run(out, p.request, p.script);
      }
      case BUSY -> fail(p, "BUSY", 17, outcome);
      case CONGESTION -> fail(p, "CONGESTION", 34, outcome);
      default -> fail(p, "NOANSWER", 16, OriginateScript.Outcome.NO_ANSWER);
    }
  }

  private void fail(Pending p, String dialStatus, int cause, OriginateScript.Outcome outcome) {
    core.dialEnd(null, p.channel, dialStatus);
    hangUpLocalHalf(p.channel);
    core.hangup(p.channel, cause);
    finish(p.request, null, outcome.reason(), p.syncDone);
  }

  private void hangUpLocalHalf(Channel c) {
    if (c.localPartner != null && !c.localPartner.hungUp) {
      core.hangup(c.localPartner, 16);
    }
  }

  /**
   * A ringing originated channel is hung up: the originate fails with Reason 1 (hangup). Also a
   * channel of a dial-out context's second leg still ringing: that dial ends.
   */
  boolean hangupPending(Channel c, boolean soft, int cause) {
    if (dialplan.trunkDials().hangupRinging(c, soft, cause)) {
      return true;
    }
    Pending p = ringing.remove(c);
    if (p == null) {
      return false;
    }
    p.timer.cancel();
    if (soft) {
      core.softHangupRequest(c, cause);
    } else {
      core.hangupRequest(c);
    }
    core.dialEnd(null, c, "CANCEL");
    hangUpLocalHalf(c);
    core.hangup(c, cause);
    finish(p.request, null, 1, p.syncDone);
    return true;
  }

  /** {@code fast_originate}'s OriginateResponse (async only); the sync reply otherwise. */
  private void finish(OriginateRequest req, Channel out, int reason, Consumer<Boolean> syncDone) {
    if (syncDone != null) {
      syncDone.accept(out != null);
      return;
    }
    AmiMessage.Builder e = AmiEvents.event("OriginateResponse", AmiEvents.CALL);
    if (req.actionId() != null) {
      e.with("ActionID", req.actionId());
    }
    e.with("Response", out != null ? "Success" : "Failure")
        .with("Channel", out != null ? out.name() : req.channel());
    if (req.isApplication()) {
      e.with("Application", req.application()).with("Data", req.data());
    } else {
      e.with("Context", req.context()).with("Exten", req.exten());
    }
    e.with("Reason", Integer.toString(reason))
        .with(
            "Uniqueid",
            out != null
                ? out.uniqueid()
                : req.channelId().isEmpty() ? Channel.UNKNOWN : req.channelId())
        .with("CallerIDNum", req.cidNum().isEmpty() ? Channel.UNKNOWN : req.cidNum())
        .with("CallerIDName", req.cidName().isEmpty() ? Channel.UNKNOWN : req.cidName());
    core.emit(e);
  }

  private static final class Pending {
    final OriginateRequest request;
    final Channel channel;
    final OriginateScript script;
    final Consumer<Boolean> syncDone;
    SimScheduler.Timer timer;

    Pending(
        OriginateRequest request,
        Channel channel,
        OriginateScript script,
        Consumer<Boolean> syncDone) {
      this.request = request;
      this.channel = channel;
      this.script = script;
      this.syncDone = syncDone;
    }
  }
}
