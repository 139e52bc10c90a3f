package io.switchboard.pbxsim.model;

/**
 * Two parties in a bridge: a queue call (caller and member) or a direct call. Remembers what the
 * queue needs at the end (AgentComplete's hold and talk time) and the Local pair while it is not
 * optimised away. Owned by the model's thread.
 */
final class Conversation {

  final Channel caller;

  /**
   * The member side as the queue sees it: the phone channel, or Local {@code ;1} until optimised.
   */
  Channel agent;

  final Bridge bridge;
  final QueueEntry entry;
  final QueueMember member;
  final long connectedMillis;
  final CallBehaviour behaviour;
  boolean agentCompleteSent;
  boolean transferred;
  SimScheduler.Timer talkTimer;

  Conversation(
      Channel caller,
      Channel agent,
      Bridge bridge,
      QueueEntry entry,
      QueueMember member,
      long connectedMillis,
      CallBehaviour behaviour) {
    this.caller = caller;
    this.agent = agent;
    this.bridge = bridge;
    this.entry = entry;
    this.member = member;
    this.connectedMillis = connectedMillis;
    this.behaviour = behaviour;
  }

  Channel peerOf(Channel c) {
    return c == caller ? agent : caller;
  }
}
