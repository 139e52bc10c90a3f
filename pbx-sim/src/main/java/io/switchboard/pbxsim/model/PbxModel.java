package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The simulated PBX: channels, bridges, queues and the flows that drive them, emitting Asterisk
 * 18/20 event sequences to one sink. Pure Java and clock-driven: time comes from the {@link
 * SimScheduler}, randomness from the seeded generator, so a run can be replayed exactly. Not
 * thread-safe: the simulator calls it from one thread (its Vert.x context).
 */
public final class PbxModel {

  /** Where a dialed PJSIP phone lives in the dialplan; Newchannel shows it. */
  static final String INTERNAL_CONTEXT = "from-internal";

  static final String TRUNK_CONTEXT = "from-trunk";

  private final PbxCore core;
  private final Map<String, CallQueue> queues = new LinkedHashMap<>();
  private final Map<String, Device> devices = new HashMap<>();
  private final Map<String, Conversation> conversations = new HashMap<>();
  private final QueueEngine queueEngine;
  private final Conversations talk;
  private final OriginateEngine originate;
  private final TransferEngine transfers;
  private String trunkName = "trunk";

  public PbxModel(
      SimScheduler scheduler,
      Consumer<AmiMessage> sink,
      RandomGenerator random,
      int firstSequence) {
    this.core = new PbxCore(scheduler, sink, random, firstSequence);
    this.talk = new Conversations(this);
    this.queueEngine = new QueueEngine(this);
    this.originate = new OriginateEngine(this, random);
    this.transfers = new TransferEngine(this);
  }

  public PbxCore core() {
    return core;
  }

  QueueEngine queueEngine() {
    return queueEngine;
  }

  Conversations talk() {
    return talk;
  }

  public OriginateEngine originate() {
    return originate;
  }

  TransferEngine transfers() {
    return transfers;
  }

  Map<String, Conversation> conversations() {
    return conversations;
  }

  public void setTrunkName(String name) {
    this.trunkName = name;
  }

  /** The trunk inbound calls arrive on and the dial-out contexts dial numbers through. */
  String trunkName() {
    return trunkName;
  }

  // ---- configuration ----

  /** Adds a queue (scenario loading). */
  public CallQueue addQueue(
      String name, QueueStrategy strategy, int timeout, int retry, int wrapup, int serviceLevel) {
    if (queue(name) != null) {
      throw new IllegalArgumentException("queue '" + name + "' is defined twice");
    }
    CallQueue q = new CallQueue(name, strategy, timeout, retry, wrapup, serviceLevel);
    queues.put(name.toLowerCase(Locale.ROOT), q);
    return q;
  }

  /** Adds a static member as {@code queues.conf} would (no event: it was there at start-up). */
  public void addStaticMember(
      String queueName,
      String iface,
      String memberName,
      String stateInterface,
      int penalty,
      boolean paused) {
    CallQueue q = requireQueue(queueName);
    if (q.member(iface) != null) {
      throw new IllegalArgumentException(
          "member " + iface + " is listed twice in queue " + queueName);
    }
    QueueMember m =
        new QueueMember(
            iface,
            orDefault(memberName, iface),
            device(orDefault(stateInterface, stateOf(iface))),
            false,
            penalty);
    m.paused = paused;
    m.loginTimeSeconds = core.now() / 1000;
    q.members.add(m);
  }

  static String orDefault(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  /**
   * The phone a member interface rings: itself, or for {@code Local/1001@ctx} {@code PJSIP/1001}.
   */
  static String stateOf(String iface) {
    if (iface.regionMatches(true, 0, "Local/", 0, 6)) {
      String rest = iface.substring(6);
      int at = rest.indexOf('@');
      return "PJSIP/" + (at < 0 ? rest : rest.substring(0, at));
    }
    return iface;
  }

  Device device(String stateInterface) {
    return devices.computeIfAbsent(
        stateInterface.toLowerCase(Locale.ROOT), k -> new Device(stateInterface));
  }

  Device existingDevice(String stateInterface) {
    return devices.get(stateInterface.toLowerCase(Locale.ROOT));
  }

  public CallQueue queue(String name) {
    return name == null ? null : queues.get(name.toLowerCase(Locale.ROOT));
  }

  CallQueue requireQueue(String name) {
    CallQueue q = queue(name);
    if (q == null) {
      throw new IllegalArgumentException("no such queue: " + name);
    }
    return q;
  }

  public Collection<CallQueue> queues() {
    return queues.values();
  }

  /** Queues one device's member belongs to, for QueueMemberStatus fan-out. */
  List<Map.Entry<CallQueue, QueueMember>> membershipsOf(Device d) {
    List<Map.Entry<CallQueue, QueueMember>> out = new ArrayList<>();
    for (CallQueue q : queues.values()) {
      for (QueueMember m : q.members) {
        if (m.device == d) {
          out.add(Map.entry(q, m));
        }
      }
    }
    return out;
  }

  // ---- channels ----

  /**
   * {@code ast_request} for a dial string: {@code PJSIP/1001} gives {@code PJSIP/1001-0000000a};
   * {@code PJSIP/5551234@trunk} gives {@code PJSIP/trunk-...}; {@code Local/1001@ctx[/n]} gives
   * both halves ({@code ;1} returned, {@code ;2} as its partner). Null for a technology the
   * simulator has no driver for.
   */
  Channel request(String dialString, Channel requestor, String uniqueid, String otherUniqueid) {
    int slash = dialString.indexOf('/');
    if (slash <= 0 || slash == dialString.length() - 1) {
      return null;
    }
    String tech = dialString.substring(0, slash);
    String resource = dialString.substring(slash + 1);
    if (tech.equalsIgnoreCase("Local")) {
      return requestLocal(resource, requestor, uniqueid, otherUniqueid);
    }
    if (!tech.equalsIgnoreCase("PJSIP") && !tech.equalsIgnoreCase("SIP")) {
      return null;
    }
    int at = resource.indexOf('@');
    String endpoint = at >= 0 ? resource.substring(at + 1) : resource;
    String name = core.ids().channelName(tech.toUpperCase(Locale.ROOT), endpoint);
    return core.newChannel(name, uniqueid, ChannelState.DOWN, INTERNAL_CONTEXT, "s", requestor);
  }

  private Channel requestLocal(String resource, Channel requestor, String id1, String id2) {
    String target = resource;
    boolean optimizable = true;
    int options = resource.indexOf('/');
    if (options >= 0) {
      target = resource.substring(0, options);
      optimizable = !resource.substring(options + 1).contains("n");
    }
    int at = target.indexOf('@');
    String exten = at >= 0 ? target.substring(0, at) : target;
    String context = at >= 0 ? target.substring(at + 1) : "default";
    String base = core.ids().channelName("Local", target);
    Channel one = core.newChannel(base + ";1", id1, ChannelState.DOWN, context, exten, requestor);
    Channel two =
        core.newChannel(
            base + ";2",
            id2,
            ChannelState.DOWN,
            context,
            exten,
            requestor == null ? one : requestor);
    one.localPartner = two;
    two.localPartner = one;
    one.optimizable = optimizable;
    two.optimizable = optimizable;
    return one;
  }

  /** A PJSIP call arriving from the trunk, answered and sent to {@code Queue(name)}. */
  public Channel placeInboundCall(
      String queueName, String callerNum, String callerName, CallBehaviour behaviour) {
    CallQueue q = requireQueue(queueName);
    String name = core.ids().channelName("PJSIP", trunkName);
    Channel caller =
        core.newChannel(
            name, null, ChannelState.RING, TRUNK_CONTEXT, q.name, null, callerNum, callerName);
    core.newexten(caller, TRUNK_CONTEXT, q.name, 1, "Answer", "");
    core.setState(caller, ChannelState.UP);
    core.newexten(caller, TRUNK_CONTEXT, q.name, 2, "Queue", q.name);
    queueEngine.join(caller, q, behaviour);
    return caller;
  }

  /** An internal phone dialing another extension directly ({@code Dial(PJSIP/<to>)}). */
  public Channel placeDirectCall(String fromExten, String toExten, CallBehaviour behaviour) {
    String name = core.ids().channelName("PJSIP", fromExten);
    Channel caller =
        core.newChannel(
            name, null, ChannelState.RING, INTERNAL_CONTEXT, toExten, null, fromExten, null);
    talk.dialDirect(caller, toExten, behaviour, 1);
    return caller;
  }

  /** The phone {@code iface} picks up whatever rings it. False when nothing rings it. */
  public boolean answer(String iface) {
    Device d = existingDevice(stateOf(iface));
    if (d == null || d.ringing == null) {
      return false;
    }
    RingAttempt attempt = d.ringing;
    if (attempt.entry != null) {
      queueEngine.answer(attempt);
    } else {
      talk.answerDirect(attempt);
    }
    return true;
  }

  /**
   * The far end of {@code channelName} hangs up (a phone or the trunk). False when no such channel.
   */
  public boolean remoteHangup(String channelName) {
    Channel c = core.byName(channelName);
    if (c == null) {
      return false;
    }
    talk.hangup(c, false, 16);
    return true;
  }

  /** {@code Action: Hangup}: Asterisk hangs the channel up itself (SoftHangupRequest). */
  public boolean softHangup(String channelName, int cause) {
    Channel c = core.byName(channelName);
    if (c == null) {
      return false;
    }
    talk.hangup(c, true, cause <= 0 ? 16 : cause);
    return true;
  }

  /** The channel's phone puts its peer on hold (Hold, MusicOnHoldStart on the peer). */
  public boolean hold(String channelName, boolean on) {
    Channel c = core.byName(channelName);
    if (c == null || c.bridge == null) {
      return false;
    }
    talk.hold(c, on);
    return true;
  }

  public Collection<Channel> channels() {
    return core.channels();
  }

  public Channel channel(String name) {
    return core.byName(name);
  }
}
