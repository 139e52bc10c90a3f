package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import java.util.HashMap;
import java.util.Map;

/**
 * Transfers: {@code Redirect} (async goto out of the bridge), {@code BlindTransfer} (BlindTransfer
 * event, then the transferee runs the dialplan) and {@code Atxfer} (the caller hears music while
 * the agent consults the target; the agent hanging up completes it with an AttendedTransfer event
 * and the target joins the caller's bridge). Header sets follow {@code main/stasis_bridges.c}
 * (reference 1.8); the channel moves are simplified (no Local channel in the blind transfer), as
 * the module README states. Owned by the model's thread.
 */
final class TransferEngine {

  private final PbxModel model;
  private final PbxCore core;
  private final Map<Channel, Consult> consults = new HashMap<>();

  TransferEngine(PbxModel model) {
    this.model = model;
    this.core = model.core();
  }

  /** {@code Action: Redirect} of one channel to {@code exten@context}. */
  void redirect(Channel c, String context, String exten, int priority) {
    Conversation conv = model.talk().of(c);
    QueueEntry waiting = model.queueEngine().entryOf(c);
    if (waiting != null) {
      model.queueEngine().leaveForRedirect(waiting);
    } else if (conv != null) {
      if (conv.entry != null && !conv.agentCompleteSent) {
        model.talk().agentComplete(conv, "transfer");
      }
      model.talk().leaveAndDropPeers(c);
      model.talk().end(conv);
    }
    // A caller redirected out of a queue keeps its script (how soon a phone it reaches answers,
    // how long it talks), as a dialer's callee redirected to an agent's extension does.
    route(c, context, exten, priority, waiting == null ? null : waiting.behaviour);
  }

  /** {@code Action: BlindTransfer}: {@code transferer}'s peer goes to {@code exten@context}. */
  boolean blindTransfer(Channel transferer, String context, String exten) {
    Conversation conv = model.talk().of(transferer);
    if (conv == null || transferer.bridge == null) {
      return false;
    }
    Channel transferee = conv.peerOf(transferer);
    AmiMessage.Builder e =
        AmiEvents.event("BlindTransfer", AmiEvents.CALL).with("Result", "Success");
    AmiEvents.snapshot(e, "Transferer", transferer);
    AmiEvents.snapshot(e, "Transferee", transferee);
    AmiEvents.bridge(e, "", transferer.bridge);
    core.emit(e.with("IsExternal", "Yes").with("Context", context).with("Extension", exten));
    if (conv.entry != null && !conv.agentCompleteSent) {
      model.talk().agentComplete(conv, "transfer");
    }
    Bridge b = transferer.bridge;
    core.bridgeLeave(transferer);
    core.hangup(transferer, 16);
    core.bridgeLeave(transferee);
    core.bridgeDestroy(b);
    model.talk().end(conv);
    route(transferee, context, exten, 1);
    return true;
  }

  /** {@code Action: Atxfer}: the agent consults {@code exten}; false when it is not bridged. */
  boolean attendedTransfer(Channel transferer, String exten) {
    Conversation conv = model.talk().of(transferer);
    if (conv == null || transferer.bridge == null) {
      return false;
    }
    Channel transferee = conv.peerOf(transferer);
    Bridge original = transferer.bridge;
    core.bridgeLeave(transferer);
    core.mohStart(transferee);
    consults.put(transferer, new Consult(conv, original, transferee));
    model
        .talk()
        .dialDirect(
            transferer,
            exten,
            conv.behaviour == null
                ? CallBehaviour.manual()
                : new CallBehaviour(conv.behaviour.answerAfterMillis(), null, false, null),
            0);
    return true;
  }

  /** The consulting agent hangs up: with the target answered, the transfer completes. */
  boolean completeOnHangup(Channel c, boolean soft, int cause) {
    Consult consult = consults.remove(c);
    if (consult == null) {
      return false;
    }
    Conversation second = model.talk().of(c);
    Channel target = second == null || second == consult.original ? null : second.peerOf(c);
    if (target == null || c.bridge == null) {
      // The target never answered: the agent just leaves; the caller stays on hold with no one.
      model.conversations().remove(c.uniqueid());
      model.talk().hangup(c, soft, cause);
      return true;
    }
    Bridge consultBridge = c.bridge;
    AmiMessage.Builder e =
        AmiEvents.event("AttendedTransfer", AmiEvents.CALL).with("Result", "Success");
    AmiEvents.snapshot(e, "OrigTransferer", c);
    AmiEvents.bridge(e, "Orig", consult.bridge);
    AmiEvents.snapshot(e, "SecondTransferer", c);
    AmiEvents.bridge(e, "Second", consultBridge);
    AmiEvents.snapshot(e, "Transferee", consult.transferee);
    AmiEvents.snapshot(e, "TransferTarget", target);
    core.emit(
        e.with("IsExternal", "No")
            .with("DestType", "Bridge")
            .with("DestBridgeUniqueid", consult.bridge.uniqueid()));
    Conversation original = consult.original;
    if (original.entry != null && !original.agentCompleteSent) {
      original.transferred = true;
      model.talk().agentComplete(original, "transfer");
    }
    core.bridgeLeave(c);
    core.hangup(c, cause);
    core.bridgeLeave(target);
    core.bridgeDestroy(consultBridge);
    core.bridgeEnter(consult.bridge, target, null);
    core.mohStop(consult.transferee);
    model.conversations().values().removeIf(v -> v == original || v == second);
    model.talk().end(original);
    Conversation joined =
        new Conversation(consult.transferee, target, consult.bridge, null, null, core.now(), null);
    model.talk().register(joined, consult.transferee, target);
    return true;
  }

  /** Sends a channel that left its bridge or queue into the simulator's dialplan. */
  void route(Channel c, String context, String exten, int priority) {
    route(c, context, exten, priority, null);
  }

  /**
   * The same; a phone dialled there answers and the conversation ends as {@code behaviour} says
   * (null: nothing happens by itself).
   */
  private void route(
      Channel c, String context, String exten, int priority, CallBehaviour behaviour) {
    if (model.originate().playback(c, context, exten, priority)) {
      return;
    }
    CallQueue q = model.queue(exten);
    if (q != null) {
      core.newexten(c, context, exten, priority, "Queue", q.name);
      model.queueEngine().join(c, q, CallBehaviour.manual());
    } else if (model.existingDevice("PJSIP/" + exten) != null) {
      c.context = context;
      model
          .talk()
          .dialDirect(c, exten, behaviour == null ? CallBehaviour.manual() : behaviour, priority);
    } else {
      core.newexten(c, context, exten, priority, "Wait", "3600");
    }
  }

  private record Consult(Conversation original, Bridge bridge, Channel transferee) {}
}
