package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The PBX actions of the simulated Asterisk, with the parameter checks and reply texts of {@code
 * main/manager.c}, {@code apps/app_queue.c} and {@code apps/app_mixmonitor.c}. Pure: replies go to
 * the caller, events to the model's sink. Used on the model's thread.
 */
public final class ModelActions implements ActionHandler {

  private final PbxModel model;
  private final ListActions lists;
  private final QueueMembers members;
  private final Map<String, String> globals = new HashMap<>();
  private final Map<String, BiConsumer<AmiMessage, Consumer<AmiMessage>>> table = new HashMap<>();
  private int mixMonitorIds;

  public ModelActions(PbxModel model) {
    this.model = model;
    this.lists = new ListActions(model);
    this.members = new QueueMembers(model);
    table.put("coreshowchannels", lists::coreShowChannels);
    table.put("queuestatus", lists::queueStatus);
    table.put("queuesummary", lists::queueSummary);
    table.put("hangup", this::hangup);
    table.put("redirect", this::redirect);
    table.put("blindtransfer", this::blindTransfer);
    table.put("atxfer", this::atxfer);
    table.put("queueadd", this::queueAdd);
    table.put("queueremove", this::queueRemove);
    table.put("queuepause", this::queuePause);
    table.put("queuepenalty", this::queuePenalty);
    table.put("setvar", this::setvar);
    table.put("getvar", this::getvar);
    table.put("mixmonitor", this::mixMonitor);
    table.put("stopmixmonitor", this::stopMixMonitor);
    table.put("mixmonitormute", this::mixMonitorMute);
  }

  public QueueMembers members() {
    return members;
  }

  @Override
  public boolean knows(String action) {
    String key = action.toLowerCase(Locale.ROOT);
    return key.equals("originate") || table.containsKey(key);
  }

  @Override
  public CompletionStage<Void> handle(AmiMessage action, Consumer<AmiMessage> reply) {
    String key = Replies.header(action, "Action").toLowerCase(Locale.ROOT);
    for (String value : action.getAll("Action")) {
      if (!value.isEmpty()) {
        key = value.toLowerCase(Locale.ROOT);
        break;
      }
    }
    if (key.equals("originate")) {
      return model.originate().handle(action, reply);
    }
    table.get(key).accept(action, reply);
    return CompletableFuture.completedFuture(null);
  }

  private static String h(AmiMessage a, String key) {
    return Replies.header(a, key);
  }

  private void hangup(AmiMessage a, Consumer<AmiMessage> reply) {
    String name = h(a, "Channel");
    if (name.isEmpty()) {
      reply.accept(Replies.error(a, "No channel specified"));
      return;
    }
    int cause = 0;
    String c = h(a, "Cause");
    if (c.matches("\\d{1,3}") && Integer.parseInt(c) <= 127) {
      cause = Integer.parseInt(c);
    }
    Channel channel = model.channel(name);
    if (channel == null) {
      reply.accept(Replies.error(a, "No such channel"));
      return;
    }
    reply.accept(Replies.success(a, "Channel Hungup"));
    model.softHangup(name, cause);
  }

  private void redirect(AmiMessage a, Consumer<AmiMessage> reply) {
    String name = h(a, "Channel");
    String error =
        name.isEmpty()
            ? "Channel not specified"
            : h(a, "Context").isEmpty()
                ? "Context not specified"
                : h(a, "Exten").isEmpty()
                    ? "Exten not specified"
                    : h(a, "Priority").isEmpty()
                        ? "Priority not specified"
                        : !h(a, "Priority").matches("\\d+")
                                || Integer.parseInt(h(a, "Priority")) < 1
                            ? "Priority is invalid"
                            : null;
    if (error != null) {
      reply.accept(Replies.error(a, error));
      return;
    }
    Channel c = model.channel(name);
    if (c == null) {
      reply.accept(Replies.error(a, "Channel does not exist: " + name));
      return;
    }
    reply.accept(Replies.success(a, "Redirect successful"));
    model
        .transfers()
        .redirect(c, h(a, "Context"), h(a, "Exten"), Integer.parseInt(h(a, "Priority")));
  }

  private void blindTransfer(AmiMessage a, Consumer<AmiMessage> reply) {
    Channel c = transferer(a, reply);
    if (c == null) {
      return;
    }
    String context = h(a, "Context").isEmpty() ? c.context : h(a, "Context");
    if (c.bridge == null) {
      reply.accept(Replies.error(a, "Transfer invalid"));
      return;
    }
    reply.accept(Replies.success(a, "Transfer succeeded"));
    model.transfers().blindTransfer(c, context, h(a, "Exten"));
  }

  private void atxfer(AmiMessage a, Consumer<AmiMessage> reply) {
    Channel c = transferer(a, reply);
    if (c == null) {
      return;
    }
    reply.accept(Replies.success(a, "Atxfer successfully queued"));
    model.transfers().attendedTransfer(c, h(a, "Exten"));
  }

  private Channel transferer(AmiMessage a, Consumer<AmiMessage> reply) {
    if (h(a, "Channel").isEmpty()) {
      reply.accept(Replies.error(a, "No channel specified"));
      return null;
    }
    if (h(a, "Exten").isEmpty()) {
      reply.accept(Replies.error(a, "No extension specified"));
      return null;
    }
    Channel c = model.channel(h(a, "Channel"));
    if (c == null) {
      reply.accept(Replies.error(a, "Channel specified does not exist"));
    }
    return c;
  }

  private void queueAdd(AmiMessage a, Consumer<AmiMessage> reply) {
    if (h(a, "Queue").isEmpty()) {
      reply.accept(Replies.error(a, "'Queue' not specified."));
      return;
    }
    if (h(a, "Interface").isEmpty()) {
      reply.accept(Replies.error(a, "'Interface' not specified."));
      return;
    }
    int penalty = h(a, "Penalty").matches("\\d+") ? Integer.parseInt(h(a, "Penalty")) : 0;
    boolean paused = !h(a, "Paused").isEmpty() && AstWords.isTrue(h(a, "Paused"));
    QueueMembers.Result r =
        members.add(
            h(a, "Queue"),
            h(a, "Interface"),
            h(a, "MemberName"),
            penalty,
            paused,
            h(a, "StateInterface"));
    reply.accept(
        switch (r) {
          case OKAY -> Replies.success(a, "Added interface to queue");
          case EXISTS -> Replies.error(a, "Unable to add interface: Already there");
          default -> Replies.error(a, "Unable to add interface to queue: No such queue");
        });
  }

  private void queueRemove(AmiMessage a, Consumer<AmiMessage> reply) {
    if (h(a, "Queue").isEmpty() || h(a, "Interface").isEmpty()) {
      reply.accept(Replies.error(a, "Need 'Queue' and 'Interface' parameters."));
      return;
    }
    reply.accept(
        switch (members.remove(h(a, "Queue"), h(a, "Interface"))) {
          case OKAY -> Replies.success(a, "Removed interface from queue");
          case EXISTS -> Replies.error(a, "Unable to remove interface: Not there");
          case NOT_DYNAMIC -> Replies.error(a, "Member not dynamic");
          default -> Replies.error(a, "Unable to remove interface from queue: No such queue");
        });
  }

  private void queuePause(AmiMessage a, Consumer<AmiMessage> reply) {
    if (h(a, "Interface").isEmpty() || h(a, "Paused").isEmpty()) {
      reply.accept(Replies.error(a, "Need 'Interface' and 'Paused' parameters."));
      return;
    }
    boolean paused = AstWords.isTrue(h(a, "Paused"));
    // The response goes first; the pause events follow it (queue-member-pause capture).
    if (!members.pauseWouldFind(h(a, "Queue"), h(a, "Interface"))) {
      reply.accept(Replies.error(a, "Interface not found"));
      return;
    }
    reply.accept(
        Replies.success(
            a, paused ? "Interface paused successfully" : "Interface unpaused successfully"));
    members.pause(h(a, "Queue"), h(a, "Interface"), paused, a.get("Reason"));
  }

  private void queuePenalty(AmiMessage a, Consumer<AmiMessage> reply) {
    if (h(a, "Interface").isEmpty() || h(a, "Penalty").isEmpty()) {
      reply.accept(Replies.error(a, "Need 'Interface' and 'Penalty' parameters."));
      return;
    }
    int penalty = h(a, "Penalty").matches("-?\\d+") ? Integer.parseInt(h(a, "Penalty")) : 0;
    if (!members.penalty(h(a, "Queue"), h(a, "Interface"), penalty)) {
      reply.accept(Replies.error(a, "Invalid interface, queuename or penalty"));
      return;
    }
    reply.accept(Replies.success(a, "Interface penalty set successfully"));
  }

  private void setvar(AmiMessage a, Consumer<AmiMessage> reply) {
    String variable = h(a, "Variable");
    if (variable.isEmpty()) {
      reply.accept(Replies.error(a, "No variable specified"));
      return;
    }
    Channel c = null;
    if (!h(a, "Channel").isEmpty()) {
      c = model.channel(h(a, "Channel"));
      if (c == null) {
        reply.accept(Replies.error(a, "No such channel"));
        return;
      }
    }
    reply.accept(Replies.success(a, "Variable Set"));
    if (c == null) {
      globals.put(variable, h(a, "Value"));
    } else {
      model.core().setVar(c, variable, h(a, "Value"));
    }
  }

  private void getvar(AmiMessage a, Consumer<AmiMessage> reply) {
    String variable = h(a, "Variable");
    if (variable.isEmpty()) {
      reply.accept(Replies.error(a, "No variable specified"));
      return;
    }
    String value;
    if (h(a, "Channel").isEmpty()) {
      value = globals.getOrDefault(variable, "");
    } else {
      Channel c = model.channel(h(a, "Channel"));
      if (c == null) {
        reply.accept(Replies.error(a, "No such channel"));
        return;
      }
      value =
          variable.equals("BRIDGEPEER") ? bridgePeer(c) : c.variables().getOrDefault(variable, "");
    }
    reply.accept(Replies.startAck(a).with("Variable", variable).with("Value", value).build());
  }

  /**
   * {@code BRIDGEPEER}, which Asterisk keeps on every bridged channel ({@code ast_bridge_vars_set}
   * in {@code main/bridge.c}): the other channels of its bridge, comma-separated; empty once it
   * left the bridge. Read here from the model's bridge (the model sends no VarSet for it).
   */
  private static String bridgePeer(Channel c) {
    if (c.bridge() == null) {
      return "";
    }
    StringBuilder peers = new StringBuilder();
    for (Channel other : c.bridge().channels()) {
      if (other != c) {
        peers.append(peers.length() == 0 ? "" : ",").append(other.name());
      }
    }
    return peers.toString();
  }

  private Channel monitored(AmiMessage a, Consumer<AmiMessage> reply) {
    if (h(a, "Channel").isEmpty()) {
      reply.accept(Replies.error(a, "No channel specified"));
      return null;
    }
    Channel c = model.channel(h(a, "Channel"));
    if (c == null) {
      reply.accept(Replies.error(a, "No such channel"));
    }
    return c;
  }

  /** MixMonitor: reply with MixMonitorID, then VarSet MIXMONITOR_FILENAME and MixMonitorStart. */
  private void mixMonitor(AmiMessage a, Consumer<AmiMessage> reply) {
    Channel c = monitored(a, reply);
    if (c == null) {
      return;
    }
    String file = h(a, "File").isEmpty() ? c.uniqueid() + ".wav" : h(a, "File");
    String path = file.startsWith("/") ? file : "/var/spool/asterisk/monitor/" + file;
    String id = String.format(Locale.ROOT, "0x7f%010x", ++mixMonitorIds);
    reply.accept(Replies.startAck(a).with("MixMonitorID", id).build());
    model.core().setVar(c, "MIXMONITOR_FILENAME", path);
    if (c.mixMonitorId == null) {
      c.mixMonitorId = id;
      model.core().emit(AmiEvents.channelEvent("MixMonitorStart", c));
    }
  }

  private void stopMixMonitor(AmiMessage a, Consumer<AmiMessage> reply) {
    Channel c = monitored(a, reply);
    if (c == null) {
      return;
    }
    if (c.mixMonitorId == null) {
      reply.accept(Replies.error(a, "Could not stop MixMonitor"));
      return;
    }
    reply.accept(Replies.success(a, null));
    model.talk().stopMonitor(c);
  }

  private void mixMonitorMute(AmiMessage a, Consumer<AmiMessage> reply) {
    Channel c = monitored(a, reply);
    if (c == null) {
      return;
    }
    String direction = h(a, "Direction").toLowerCase(Locale.ROOT);
    if (!direction.equals("read") && !direction.equals("write") && !direction.equals("both")) {
      reply.accept(Replies.error(a, "Invalid direction specified. Must be read, write or both"));
      return;
    }
    if (c.mixMonitorId == null) {
      reply.accept(Replies.error(a, "Cannot set mute flag"));
      return;
    }
    reply.accept(Replies.success(a, null));
  }
}
