package io.switchboard.agentws.session;

import io.vertx.core.json.JsonObject;

/**
 * A well-formed message from a client: {@code {type, id?, data?}}.
 *
 * @param type dotted lowercase type ({@code resume} or a command)
 * @param id the client's correlation id (a string or number), echoed as {@code replyTo}; may be
 *     null
 * @param data the content, empty when absent
 */
record ClientFrame(String type, Object id, JsonObject data) {

  static final String RESUME = "resume";
}
