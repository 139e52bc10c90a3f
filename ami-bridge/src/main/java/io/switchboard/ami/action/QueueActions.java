package io.switchboard.ami.action;

import static io.switchboard.core.ami.AmiActionFields.INTERFACE;
import static io.switchboard.core.ami.AmiActionFields.MEMBER_NAME;
import static io.switchboard.core.ami.AmiActionFields.PAUSED;
import static io.switchboard.core.ami.AmiActionFields.PENALTY;
import static io.switchboard.core.ami.AmiActionFields.QUEUE;
import static io.switchboard.core.ami.AmiActionFields.REASON;
import static io.switchboard.core.ami.AmiActionFields.STATE_INTERFACE;

import io.switchboard.ami.codec.AmiMessage;

/**
 * Requests that change queue membership ({@code QueueAdd}, {@code QueueRemove}, {@code QueuePause},
 * {@code QueuePenalty}; Asterisk {@code apps/app_queue.c}). Pure; thread-safe.
 */
final class QueueActions {

  /** app_queue accepts any non-negative int; a penalty this large is a typo. */
  private static final int MAX_PENALTY = 1_000_000;

  private QueueActions() {}

  static PreparedAction add(AmiRequest request) {
    Integer penalty = request.optionalInt(PENALTY, 0, MAX_PENALTY);
    Boolean paused = request.optionalBool(PAUSED);
    return PreparedAction.plain(
        AmiMessage.action("QueueAdd")
            .with("Queue", request.text(QUEUE))
            .with("Interface", request.text(INTERFACE))
            .withOptional("MemberName", request.optionalText(MEMBER_NAME))
            .withOptional("StateInterface", request.optionalText(STATE_INTERFACE))
            .withOptional("Penalty", penalty == null ? null : String.valueOf(penalty))
            .withOptional("Paused", paused == null ? null : String.valueOf(paused))
            .build());
  }

  static PreparedAction remove(AmiRequest request) {
    return PreparedAction.plain(
        AmiMessage.action("QueueRemove")
            .with("Queue", request.text(QUEUE))
            .with("Interface", request.text(INTERFACE))
            .build());
  }

  static PreparedAction pause(AmiRequest request) {
    return PreparedAction.plain(
        AmiMessage.action("QueuePause")
            .with("Interface", request.text(INTERFACE))
            .with("Paused", String.valueOf(request.bool(PAUSED)))
            .withOptional("Queue", request.optionalText(QUEUE))
            .withOptional("Reason", request.optionalText(REASON))
            .build());
  }

  static PreparedAction penalty(AmiRequest request) {
    Integer penalty = request.optionalInt(PENALTY, 0, MAX_PENALTY);
    if (penalty == null) {
      throw AmiRequest.invalid(request.address() + ": field 'penalty' is required");
    }
    return PreparedAction.plain(
        AmiMessage.action("QueuePenalty")
            .with("Interface", request.text(INTERFACE))
            .with("Penalty", String.valueOf(penalty))
            .withOptional("Queue", request.optionalText(QUEUE))
            .build());
  }
}
