package io.switchboard.agentws.call;

/**
 * An agent phone's leg in a call, as learnt from the AMI bridge's call events.
 *
 * @param serverId the Asterisk server of the call
 * @param linkedId the call's Linkedid
 * @param agentInterface the queue member interface (or dialled interface) of the agent's phone
 * @param channel the channel of the agent's leg, e.g. {@code PJSIP/1001-0000002a}
 * @param answered true once the agent's leg is connected (not just ringing)
 */
public record AgentCall(
    String serverId, String linkedId, String agentInterface, String channel, boolean answered) {

  AgentCall connected() {
    return new AgentCall(serverId, linkedId, agentInterface, channel, true);
  }
}
