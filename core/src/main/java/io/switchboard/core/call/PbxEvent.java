package io.switchboard.core.call;

import io.vertx.core.json.JsonObject;

/**
 * One change the AMI bridge saw on a PBX, published on {@link #address()} as {@link #toJson()}.
 * Immutable.
 */
public sealed interface PbxEvent
    permits CallCreated,
        CallQueued,
        CallOffered,
        CallAnswered,
        CallTransferred,
        CallEnded,
        QueueMemberChanged,
        QueueCallerChanged {

  /** The event-bus address, one of {@link CallAddresses}. */
  String address();

  /** The event-bus body. */
  JsonObject toJson();

  /** The configured id of the Asterisk server it happened on. */
  String serverId();
}
