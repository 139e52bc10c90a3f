package io.switchboard.ami.tracker;

import java.time.Instant;

/**
 * Decides when a call was answered, from whichever signal comes first: {@code DialEnd ANSWER} of a
 * real (not Local) channel, a dialled leg going Up, two parties meeting in a bridge, the customer
 * of an originated call picking up, or {@code AgentConnect}. Announces {@code call.answered} once a
 * person answered; for a queue call it waits for {@code AgentConnect}, which names the agent, and
 * an originated call announced at the customer's answer is announced again when an agent takes it
 * (from a queue, or at the agent's phone after a Redirect out of the queue, see {@link
 * #redirectedToAgent}). Not thread-safe: owned by one {@link CallTracker}.
 */
final class CallAnswers {

  private final CallRegistry registry;

  CallAnswers(CallRegistry registry) {
    this.registry = registry;
  }

  /** A channel went Up ({@code Newstate} 6). */
  void channelUp(TrackedChannel channel, Instant now) {
    TrackedCall call = channel.call;
    if (!channel.isParty()) {
      return;
    }
    if (channel.role == LegRole.CALLER && call.originated) {
      customerAnswered(call, now);
    } else if (channel.role == LegRole.AGENT || channel.role == LegRole.TRANSFER) {
      connected(call, channel, now);
    }
  }

  /** {@code DialEnd} with {@code DialStatus: ANSWER}. */
  void dialAnswered(TrackedChannel dest, boolean fromCaller, Instant now) {
    if (!dest.isParty()) {
      // A Local half "answers" as soon as its dialplan does; the real answer comes later.
      return;
    }
    if (dest.answeredAt == null) {
      dest.answeredAt = now;
    }
    if (dest.role == LegRole.CALLER) {
      customerAnswered(dest.call, now);
    } else if (fromCaller) {
      connected(dest.call, dest, now);
    }
  }

  /** A party entered a bridge: with another party of the call there, they are talking. */
  void bridged(TrackedChannel channel, Instant now) {
    TrackedCall call = channel.call;
    if (call.connectedAt != null || !channel.isParty() || channel.bridgeId == null) {
      return;
    }
    for (TrackedChannel other : call.channels) {
      if (other != channel
          && other.isParty()
          && !other.ended()
          && channel.bridgeId.equals(other.bridgeId)) {
        TrackedChannel agent = channel.role == LegRole.CALLER ? other : channel;
        if (agent.role == LegRole.CALLER) {
          return;
        }
        connected(call, agent, now);
        return;
      }
    }
  }

  /** The customer of an originated call answered (OriginateResponse 4, or its channel is Up). */
  void customerAnswered(TrackedCall call, Instant now) {
    if (call.answeredAt == null) {
      call.answeredAt = now;
      TrackedChannel customer = call.callerLeg();
      if (customer != null && customer.answeredAt == null) {
        customer.answeredAt = now;
      }
      announce(call);
    }
  }

  /** An agent or dialled party is connected to the caller. */
  void connected(TrackedCall call, TrackedChannel agent, Instant now) {
    if (agent.answeredAt == null) {
      agent.answeredAt = now;
    }
    if (call.connectedAt != null) {
      return;
    }
    call.connectedAt = now;
    call.answeringChannel = agent.name;
    if (call.answeredAt == null) {
      call.answeredAt = now;
    }
    if (redirectedToAgent(call, agent)) {
      // A dialer's call that left its (holding) queue by a Redirect to an agent's extension: the
      // phone dialled is the agent's, so it is announced, and logged, as the answering agent.
      call.agentInterface = device(agent.name);
    }
    if (!call.inQueue()) {
      announce(call);
    }
  }

  /** {@code AgentConnect}: the queue connected this member. */
  void agentConnected(TrackedCall call, TrackedChannel agent, Instant now) {
    if (call.connectedAt == null) {
      call.connectedAt = now;
      call.answeringChannel = agent == null ? null : agent.name;
    }
    if (agent != null && agent.answeredAt == null) {
      agent.answeredAt = now;
    }
    if (call.answeredAt == null) {
      call.answeredAt = now;
    }
    announce(call);
  }

  /**
   * An originated call that was queued, left the queue with no agent (a Redirect out of it), and
   * then reached a dialled phone. Click-to-dial calls are never queued, inbound calls not
   * originated, so neither is affected.
   */
  private static boolean redirectedToAgent(TrackedCall call, TrackedChannel agent) {
    return call.originated
        && call.queuedAt != null
        && !call.inQueue()
        && call.agentInterface == null
        && agent.role == LegRole.AGENT
        && !agent.trunk;
  }

  /** The device of a channel: {@code PJSIP/1001-0000002a} is {@code PJSIP/1001}. */
  static String device(String channelName) {
    int dash = channelName.lastIndexOf('-');
    int slash = channelName.indexOf('/');
    return dash > slash && slash > 0 ? channelName.substring(0, dash) : channelName;
  }

  private void announce(TrackedCall call) {
    boolean withAgent = call.agentInterface != null;
    if (!call.answerAnnounced || (withAgent && !call.agentAnnounced)) {
      call.answerAnnounced = true;
      call.agentAnnounced = withAgent;
      registry.publish(registry.assembler.answered(call));
    }
  }
}
