package io.switchboard.ami.tracker;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.core.call.CallTransferred;
import io.switchboard.core.call.TransferKind;
import java.time.Instant;

/**
 * Transfers and Local-channel optimisation (reference/ami-protocol.md 1.8). A blind transfer sends
 * the transferer's bridge to an extension: the call stays one call, the transferer's leaving is not
 * its end. An attended transfer joins the consultation call into the original call (Asterisk then
 * gives its channels the older Linkedid); the tracker merges them at once rather than waiting for
 * the relinked events. Not thread-safe: owned by one {@link CallTracker}.
 */
final class TransferEvents {

  private static final int MAX_TRANSFERS_PER_CALL = 32;

  private final CallRegistry registry;

  TransferEvents(CallRegistry registry) {
    this.registry = registry;
  }

  void blindTransfer(AmiMessage event, Instant now) {
    TrackedChannel transferer = touch(event, "Transferer", now);
    if (transferer == null) {
      transferer = touch(event, "Transferee", now);
      if (transferer == null) {
        return;
      }
    } else {
      transferer.transferer = true;
    }
    TrackedCall call = transferer.call;
    String extension = event.get("Extension", "");
    String context = event.get("Context", "");
    String target = context.isEmpty() ? extension : extension + "@" + context;
    record(call, TransferKind.BLIND, transferer.name, target, success(event), null, now);
  }

  void attendedTransfer(AmiMessage event, Instant now) {
    TrackedChannel original = touch(event, "OrigTransferer", now);
    TrackedChannel second = touch(event, "SecondTransferer", now);
    TrackedChannel target = touch(event, "TransferTarget", now);
    if (original == null) {
      return;
    }
    original.transferer = true;
    TrackedCall call = original.call;
    String consultationCallId = call.mergedFromCallId;
    if (second != null) {
      second.transferer = true;
      TrackedCall consultation = second.call;
      if (consultation != call && success(event)) {
        consultationCallId = consultation.callId;
        registry.merge(consultation, call, now);
      }
    }
    String targetName = target != null ? target.name : event.get("DestApp", "");
    if (target != null && target.call == call) {
      target.role = LegRole.TRANSFER;
    }
    record(
        call,
        TransferKind.ATTENDED,
        original.name,
        targetName,
        success(event),
        consultationCallId,
        now);
  }

  /** {@code LocalOptimizationBegin/End}, {@code BridgeMerge}: only keeps Linkedids current. */
  void localOptimization(AmiMessage event, Instant now) {
    touch(event, "LocalOne", now);
    touch(event, "LocalTwo", now);
    touch(event, "Source", now);
  }

  private void record(
      TrackedCall call,
      TransferKind kind,
      String transfererChannel,
      String target,
      boolean success,
      String consultationCallId,
      Instant now) {
    if (success) {
      // The transferer hangs up to complete it; who ends the call is decided after it.
      call.hangupBy = null;
    }
    if (call.transfers().size() < MAX_TRANSFERS_PER_CALL) {
      call.transfers().add(new CallTransfer(kind, now, transfererChannel, target, success));
    }
    registry.publish(
        new CallTransferred(
            registry.serverId,
            call.linkedId,
            call.callId,
            kind,
            transfererChannel,
            target,
            success,
            consultationCallId,
            now));
  }

  private TrackedChannel touch(AmiMessage event, String prefix, Instant now) {
    ChannelSnapshot snapshot = ChannelSnapshot.read(event, prefix);
    if (snapshot == null) {
      return null;
    }
    // A transferer may have hung up before Asterisk reports the transfer: still its call.
    return registry.touch(snapshot, now);
  }

  private static boolean success(AmiMessage event) {
    return "Success".equalsIgnoreCase(event.get("Result", ""));
  }
}
