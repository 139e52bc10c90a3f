package io.switchboard.ami.action;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.connection.AmiReply;
import io.vertx.core.json.JsonObject;
import java.util.function.BiConsumer;

/**
 * A checked request turned into the AMI action to send, and what its successful reply adds to the
 * common reply fields (a generated channel id, a variable's value, a recording id).
 */
record PreparedAction(AmiMessage action, BiConsumer<AmiReply, JsonObject> replyFields) {

  /** An action whose reply carries only the common fields. */
  static PreparedAction plain(AmiMessage action) {
    return new PreparedAction(action, (reply, json) -> {});
  }
}
