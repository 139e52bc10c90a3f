package io.switchboard.deploy.bench;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.pbxsim.server.FrameTap;
import io.vertx.core.net.SocketAddress;

/**
 * The simulator's frame tap for the screen-pop benchmark: each {@code AgentCalled} frame written to
 * the reference client's session starts the reference path, one written to any other session (the
 * node's) starts the node's path. Runs on the simulator's event loop; a map insert per frame.
 */
final class AgentCalledTap implements FrameTap {

  private final PathTimer node;
  private final PathTimer reference;
  private volatile String referenceSession = "";

  AgentCalledTap(PathTimer node, PathTimer reference) {
    this.node = node;
    this.reference = reference;
  }

  /** The key both ends agree on: the call's linked id and the rung member's interface. */
  static String key(AmiMessage agentCalled) {
    return agentCalled.get("Linkedid", "") + "|" + agentCalled.get("Interface", "");
  }

  static String key(String linkedId, String memberInterface) {
    return linkedId + "|" + memberInterface;
  }

  /** The session (the client's address as the simulator sees it) of the reference client. */
  void referenceSession(SocketAddress address) {
    this.referenceSession = address.toString();
  }

  @Override
  public void written(AmiMessage event, SocketAddress session, long writtenNanos) {
    if (!event.isEvent("AgentCalled")) {
      return;
    }
    String key = key(event);
    if (referenceSession.equals(session.toString())) {
      reference.written(key, writtenNanos);
    } else {
      node.written(key, writtenNanos);
    }
  }
}
