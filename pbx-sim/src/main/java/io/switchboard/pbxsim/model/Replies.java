package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;

/**
 * Response blocks as {@code main/manager.c} writes them ({@code astman_send_response_full}, {@code
 * astman_send_listack}, {@code astman_send_list_complete_start}; reference 1.2 and 1.6): {@code
 * Response}, then {@code ActionID} only when the action had a non-empty one, then {@code EventList:
 * start} for list acks, then {@code Message}. Stateless.
 */
public final class Replies {

  private Replies() {}

  /** {@code astman_send_ack}: Success with an optional Message. */
  public static AmiMessage success(AmiMessage action, String message) {
    return start("Success", action).withOptional("Message", message).build();
  }

  /** {@code astman_send_error}. */
  public static AmiMessage error(AmiMessage action, String message) {
    return start("Error", action).with("Message", message).build();
  }

  /** {@code astman_start_ack}: Success and ActionID; the caller appends its own headers. */
  public static AmiMessage.Builder startAck(AmiMessage action) {
    return start("Success", action);
  }

  /** A response of any kind ({@code Goodbye}) with its ActionID. */
  public static AmiMessage.Builder start(String response, AmiMessage action) {
    AmiMessage.Builder builder = AmiMessage.response(response);
    String id = actionId(action);
    if (id != null) {
      builder.with("ActionID", id);
    }
    return builder;
  }

  /** {@code astman_send_listack(s, m, message, "start")}. */
  public static AmiMessage listAck(AmiMessage action, String message) {
    return start("Success", action).with("EventList", "start").with("Message", message).build();
  }

  /** The list terminator: {@code Event: <name>}, ActionID, {@code EventList: Complete}, count. */
  public static AmiMessage listComplete(AmiMessage action, String eventName, int items) {
    return listCompleteStart(action, eventName, items).build();
  }

  /** The list terminator, open for extra headers ({@code Items:} on StatusComplete). */
  public static AmiMessage.Builder listCompleteStart(
      AmiMessage action, String eventName, int items) {
    AmiMessage.Builder builder = AmiMessage.event(eventName);
    String id = actionId(action);
    if (id != null) {
      builder.with("ActionID", id);
    }
    return builder.with("EventList", "Complete").with("ListItems", Integer.toString(items));
  }

  /** The action's ActionID, or null when absent or empty (Asterisk then prints none). */
  public static String actionId(AmiMessage action) {
    String id = action.get("ActionID");
    return id == null || id.isEmpty() ? null : id;
  }

  /** {@code astman_get_header}: the first value, or "" when absent, as the C code sees it. */
  public static String header(AmiMessage action, String key) {
    String value = action.get(key);
    return value == null ? "" : value;
  }
}
