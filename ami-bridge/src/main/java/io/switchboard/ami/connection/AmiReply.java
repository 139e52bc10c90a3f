package io.switchboard.ami.connection;

import io.switchboard.ami.codec.AmiMessage;
import java.util.List;

/**
 * The whole answer to one action: Asterisk's {@code Response}, and for a list action
 * (reference/ami-protocol.md 1.6) the item events and the completion event ({@code EventList:
 * Complete} or {@code cancelled}). Immutable.
 *
 * @param actionId the {@code ActionID} the action went out with; events the action causes later
 *     (e.g. {@code OriginateResponse}) carry it too
 * @param response the {@code Response: Success} (or {@code Goodbye}, {@code Follows}) block
 * @param items the list's item events in wire order; empty for a plain action
 * @param completion the list's closing event, or null for a plain action
 */
public record AmiReply(
    String actionId, AmiMessage response, List<AmiMessage> items, AmiMessage completion) {

  public AmiReply {
    items = List.copyOf(items);
  }

  /** Asterisk's {@code Message} text, or null. */
  public String message() {
    return response.get("Message");
  }

  /** Whether the action answered with a list ({@code EventList: start}). */
  public boolean isList() {
    return completion != null;
  }

  /** Whether Asterisk ended the list with {@code EventList: cancelled} instead of complete. */
  public boolean cancelled() {
    return completion != null && "cancelled".equalsIgnoreCase(completion.get("EventList"));
  }
}
