package io.switchboard.ami.connection;

import io.switchboard.ami.codec.AmiMessage;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * One action waiting for its answer: its promise, its timeout timer and, once Asterisk has said
 * {@code EventList: start}, the items collected so far. Touched only on the connection's context.
 */
final class PendingAction {

  final String actionId;
  final String name;
  final Promise<AmiReply> promise = Promise.promise();
  long timerId;

  /** Set when the response said {@code EventList: start}; items follow until the completion. */
  AmiMessage listResponse;

  final List<AmiMessage> items = new ArrayList<>();

  PendingAction(String actionId, String name) {
    this.actionId = actionId;
    this.name = name;
  }

  boolean listStarted() {
    return listResponse != null;
  }

  /** A short description for error messages. */
  String describe() {
    return name + " (ActionID " + actionId + ")";
  }
}
