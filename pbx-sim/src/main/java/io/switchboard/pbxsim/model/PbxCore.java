package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The live channels and bridges, and every low-level change to them with the event Asterisk
 * publishes for it (Newchannel, Newstate, VarSet, Dial*, Bridge*, Hangup*, MusicOnHold*). Higher
 * flows (queues, originate, transfers) are built from these operations, so the channel list that
 * {@code CoreShowChannels} reports is always exactly what the events said. Owned by the model's
 * thread.
 */
public final class PbxCore {

  /** More live channels than this is a runaway generator, not a call center. */
  public static final int MAX_CHANNELS = 50_000;

  private final SimScheduler scheduler;
  private final Consumer<AmiMessage> sink;
  private final IdSource ids;
  private final Map<String, Channel> byUniqueid = new LinkedHashMap<>();
  private final Map<String, Channel> byName = new LinkedHashMap<>();
  private final Map<String, Bridge> bridges = new LinkedHashMap<>();
  private final List<Consumer<Channel>> hangupHooks = new ArrayList<>();

  PbxCore(
      SimScheduler scheduler,
      Consumer<AmiMessage> sink,
      RandomGenerator random,
      int firstSequence) {
    this.scheduler = scheduler;
    this.sink = sink;
    this.ids = new IdSource(scheduler, random, firstSequence);
  }

  public SimScheduler scheduler() {
    return scheduler;
  }

  long now() {
    return scheduler.nowMillis();
  }

  IdSource ids() {
    return ids;
  }

  void emit(AmiMessage event) {
    sink.accept(event);
  }

  void emit(AmiMessage.Builder event) {
    sink.accept(event.build());
  }

  public Collection<Channel> channels() {
    return byUniqueid.values();
  }

  public Channel byName(String name) {
    return byName.get(name);
  }

  public Channel byUniqueid(String uniqueid) {
    return byUniqueid.get(uniqueid);
  }

  public Collection<Bridge> bridges() {
    return bridges.values();
  }

  /** Creates a channel and publishes Newchannel. {@code uniqueid} null = assign one. */
  Channel newChannel(
      String name,
      String uniqueid,
      ChannelState state,
      String context,
      String exten,
      Channel requestor) {
    return newChannel(name, uniqueid, state, context, exten, requestor, null, null);
  }

  /** As above, with the caller id the channel is created with (an incoming call's). */
  Channel newChannel(
      String name,
      String uniqueid,
      ChannelState state,
      String context,
      String exten,
      Channel requestor,
      String callerNum,
      String callerName) {
    if (byUniqueid.size() >= MAX_CHANNELS) {
      throw new IllegalStateException("more than " + MAX_CHANNELS + " live channels");
    }
    String id = uniqueid == null || uniqueid.isEmpty() ? ids.nextUniqueid() : uniqueid;
    Channel c = new Channel(name, id, now(), ids.nextCreationSeq(), state);
    c.context = context;
    c.exten = exten;
    c.callerNum = orUnknown(callerNum);
    c.callerName = orUnknown(callerName);
    if (requestor != null) {
      // Dialed channels take the requestor's linkedid (reference 1.9).
      c.linkedid = requestor.linkedid;
      c.linkedidSeq = requestor.linkedidSeq;
    }
    byUniqueid.put(id, c);
    byName.put(name, c);
    emit(AmiEvents.channelEvent("Newchannel", c));
    return c;
  }

  void setState(Channel c, ChannelState state) {
    if (c.state != state) {
      c.state = state;
      emit(AmiEvents.channelEvent("Newstate", c));
    }
  }

  void setCallerId(Channel c, String num, String name) {
    c.callerNum = orUnknown(num);
    c.callerName = orUnknown(name);
    emit(
        AmiEvents.channelEvent("NewCallerid", c)
            .with("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
  }

  void setConnectedLine(Channel c, String num, String name) {
    c.connectedNum = orUnknown(num);
    c.connectedName = orUnknown(name);
    emit(AmiEvents.channelEvent("NewConnectedLine", c));
  }

  static String orUnknown(String value) {
    return value == null || value.isEmpty() ? Channel.UNKNOWN : value;
  }

  /** {@code pbx_builtin_setvar_helper}: stores the variable and publishes VarSet (dialplan). */
  void setVar(Channel c, String name, String value) {
    c.variables().put(name, value);
    emit(
        AmiEvents.snapshot(AmiEvents.event("VarSet", AmiEvents.DIALPLAN), "", c)
            .with("Variable", name)
            .with("Value", value));
  }

  /** A dialplan step: Newexten (class dialplan since 16, reference 1.4). */
  void newexten(Channel c, String context, String exten, int priority, String app, String data) {
    c.context = context;
    c.exten = exten;
    c.priority = priority;
    c.application = app;
    c.applicationData = data;
    emit(
        AmiEvents.snapshot(AmiEvents.event("Newexten", AmiEvents.DIALPLAN), "", c)
            .with("Extension", exten)
            .with("Application", app)
            .with("AppData", data));
  }

  void dialBegin(Channel caller, Channel dest, String dialString) {
    emit(dialEvent("DialBegin", caller, dest).with("DialString", dialString));
  }

  void dialState(Channel caller, Channel dest, String status) {
    emit(dialEvent("DialState", caller, dest).with("DialStatus", status));
  }

  void dialEnd(Channel caller, Channel dest, String status) {
    emit(dialEvent("DialEnd", caller, dest).with("DialStatus", status));
  }

  /** Dial events carry the caller snapshot (absent for originated calls) then the Dest one. */
  private static AmiMessage.Builder dialEvent(String name, Channel caller, Channel dest) {
    AmiMessage.Builder b = AmiEvents.event(name, AmiEvents.CALL);
    if (caller != null) {
      AmiEvents.snapshot(b, "", caller);
    }
    return AmiEvents.snapshot(b, "Dest", dest);
  }

  Bridge bridgeCreate() {
    Bridge b = new Bridge(ids.bridgeId());
    bridges.put(b.uniqueid(), b);
    emit(AmiEvents.bridge(AmiEvents.event("BridgeCreate", AmiEvents.CALL), "", b));
    return b;
  }

  /** BridgeEnter; the oldest linkedid in the bridge wins for everyone in it (reference 1.9). */
  void bridgeEnter(Bridge b, Channel c, Channel swapped) {
    b.channels().add(c);
    c.bridge = b;
    Channel oldest = c;
    for (Channel other : b.channels()) {
      if (other.linkedidSeq < oldest.linkedidSeq) {
        oldest = other;
      }
    }
    for (Channel other : b.channels()) {
      other.linkedid = oldest.linkedid;
      other.linkedidSeq = oldest.linkedidSeq;
    }
    AmiMessage.Builder e = AmiEvents.bridge(AmiEvents.event("BridgeEnter", AmiEvents.CALL), "", b);
    AmiEvents.snapshot(e, "", c);
    if (swapped != null) {
      e.with("SwapUniqueid", swapped.uniqueid());
    }
    emit(e);
  }

  void bridgeLeave(Channel c) {
    Bridge b = c.bridge;
    if (b == null) {
      return;
    }
    b.channels().remove(c);
    c.bridge = null;
    emit(
        AmiEvents.snapshot(
            AmiEvents.bridge(AmiEvents.event("BridgeLeave", AmiEvents.CALL), "", b), "", c));
  }

  void bridgeDestroy(Bridge b) {
    if (bridges.remove(b.uniqueid()) != null) {
      emit(AmiEvents.bridge(AmiEvents.event("BridgeDestroy", AmiEvents.CALL), "", b));
    }
  }

  /** HangupRequest (the far end hung up): no Cause header, as in the captures. */
  void hangupRequest(Channel c) {
    emit(AmiEvents.channelEvent("HangupRequest", c));
  }

  /** SoftHangupRequest (Asterisk hangs the channel up, e.g. the Hangup action). */
  void softHangupRequest(Channel c, int cause) {
    emit(AmiEvents.channelEvent("SoftHangupRequest", c).with("Cause", Integer.toString(cause)));
  }

  /** Runs before every Hangup event (MixMonitorStop, ChanSpyStop come first). */
  void beforeHangup(Consumer<Channel> hook) {
    hangupHooks.add(hook);
  }

  /** Hangup: the channel's last event; it is gone from every list afterwards. */
  void hangup(Channel c, int cause) {
    if (c.hungUp) {
      return;
    }
    for (Consumer<Channel> hook : hangupHooks) {
      hook.accept(c);
    }
    if (c.bridge != null) {
      bridgeLeave(c);
    }
    c.hungUp = true;
    byUniqueid.remove(c.uniqueid());
    byName.remove(c.name());
    emit(
        AmiEvents.channelEvent("Hangup", c)
            .with("Cause", Integer.toString(cause))
            .with("Cause-txt", AmiEvents.causeText(cause)));
  }

  void mohStart(Channel c) {
    if (!c.onMusicOnHold) {
      c.onMusicOnHold = true;
      emit(AmiEvents.channelEvent("MusicOnHoldStart", c).with("Class", "default"));
    }
  }

  void mohStop(Channel c) {
    if (c.onMusicOnHold) {
      c.onMusicOnHold = false;
      emit(AmiEvents.channelEvent("MusicOnHoldStop", c));
    }
  }

  /** Ends a bridge after {@code leaver} left it: the others are hung up by Asterisk. */
  List<Channel> dissolveAfter(Channel leaver) {
    Bridge b = leaver.bridge;
    List<Channel> rest = new ArrayList<>();
    if (b == null) {
      return rest;
    }
    bridgeLeave(leaver);
    for (Channel other : new ArrayList<>(b.channels())) {
      softHangupRequest(other, 16);
      bridgeLeave(other);
      rest.add(other);
    }
    bridgeDestroy(b);
    return rest;
  }
}
