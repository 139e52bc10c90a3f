package io.switchboard.agentws.call;

import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.CallTransferred;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the call actions know of agents' calls, learnt from the AMI bridge's call events: the leg
 * each agent phone has in its current call (the channel to hang up, transfer or mute), the
 * click-to-dials waiting for their result, and which agents handled recent calls (who may wrap them
 * up, whom the call log credits). Pure: no I/O, no Vert.x; not thread-safe, owned by one {@link
 * CallActionsVerticle}.
 *
 * <p>Bounds: {@code maxAgents} phones with a call and as many dials waiting (one each); {@code
 * maxHandledCalls} handled calls, the least recently touched forgotten first.
 */
public final class AgentCalls {

  /** Default bound of phones with a call and of waiting dials (the agent-state limit). */
  public static final int DEFAULT_MAX_AGENTS = 20_000;

  /** Default bound of remembered handled calls (the call tracker's live-call limit). */
  public static final int DEFAULT_MAX_HANDLED_CALLS = 50_000;

  /**
   * What a call's end means here.
   *
   * @param dial the result of the click-to-dial it was, when its agent has not been told yet
   * @param serverId the call's server
   * @param linkedId the call's Linkedid
   * @param agentUserId the agent to credit with the call when already known, else null
   * @param customerId the customer of a click-to-dial, or null
   * @param interfaceToResolve the queue member interface that answered (its agent is to be
   *     credited: look it up, falling back to {@code agentUserId}), or null
   */
  public record Ending(
      DialOutcome dial,
      String serverId,
      String linkedId,
      Long agentUserId,
      Long customerId,
      String interfaceToResolve) {

    /** Whether an agent is to be credited with the call. */
    public boolean credits() {
      return agentUserId != null || interfaceToResolve != null;
    }
  }

  private final int maxAgents;
  private final Map<String, AgentCall> byInterface = new HashMap<>();
  private final Map<String, PendingDial> dials = new HashMap<>();
  private final Map<Long, String> dialByUser = new HashMap<>();
  private final LinkedHashMap<String, HandledCall> handled;

  public AgentCalls(int maxAgents, int maxHandledCalls) {
    this.maxAgents = maxAgents;
    this.handled =
        new LinkedHashMap<>(1024, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, HandledCall> eldest) {
            return size() > maxHandledCalls;
          }
        };
  }

  // --- queries ------------------------------------------------------------------------------

  /** The current call leg of the phone at {@code agentInterface}, or null. */
  public AgentCall current(String agentInterface) {
    return agentInterface == null ? null : byInterface.get(agentInterface);
  }

  /** The dial of {@code userId} still waiting for its result, or null. */
  public PendingDial dialOf(long userId) {
    String originateId = dialByUser.get(userId);
    return originateId == null ? null : dials.get(originateId);
  }

  /** Who handled the call with this Linkedid, or null when this node did not see it. */
  public HandledCall handled(String linkedId) {
    return handled.get(linkedId);
  }

  // --- the node's own actions ---------------------------------------------------------------

  /** Remembers a dial about to be sent; false when {@code maxAgents} dials already wait. */
  public boolean startDial(PendingDial dial) {
    if (dials.size() >= maxAgents) {
      return false;
    }
    dials.put(dial.originateId(), dial);
    dialByUser.put(dial.userId(), dial.originateId());
    return true;
  }

  /** Forgets a dial the PBX refused. */
  public void dialRefused(String originateId) {
    forgetDial(originateId);
  }

  /** The dials whose result did not come within {@code wait} of {@code now}: forgotten. */
  public List<DialOutcome> expireDials(Instant now, Duration wait) {
    List<DialOutcome> expired = new ArrayList<>();
    for (PendingDial dial : List.copyOf(dials.values())) {
      if (!dial.sentAt().plus(wait).isAfter(now)) {
        forgetDial(dial.originateId());
        expired.add(
            new DialOutcome(dial.userId(), dial.originateId(), DialOutcome.UNKNOWN, null, null));
      }
    }
    return expired;
  }

  /** Records that {@code userId} handled the call (and with which customer, when known). */
  public void handledBy(String serverId, String linkedId, long userId, Long customerId) {
    HandledCall known = handled.get(linkedId);
    if (known == null || !known.serverId().equals(serverId)) {
      known = new HandledCall(serverId, linkedId, List.of(), null);
    }
    handled.put(linkedId, known.with(userId, customerId));
  }

  /** The phone's leg left its call (the node redirected the other party away). */
  public void left(AgentCall leg) {
    byInterface.remove(leg.agentInterface(), leg);
  }

  // --- the bridge's events ------------------------------------------------------------------

  /**
   * A call began; the first leg of one of our dials is the agent's phone. Any other first channel
   * of a phone ({@link PhoneChannels}) with no known leg becomes that phone's leg: a call placed
   * from the handset, or a call already up when the AMI bridge resynced after a restart (it then
   * publishes {@code call.created} for every call it adopts).
   */
  public void created(CallCreated created) {
    PendingDial dial = created.originateId() == null ? null : dials.get(created.originateId());
    if (dial == null) {
      learn(created.serverId(), created.linkedId(), created.channel(), false);
      return;
    }
    track(
        new AgentCall(
            created.serverId(),
            created.linkedId(),
            dial.agentInterface(),
            created.channel(),
            false));
    handledBy(created.serverId(), created.linkedId(), dial.userId(), dial.customerId());
  }

  /** A queue rings a member: its phone has a leg in the call, not yet answered. */
  public void offered(CallOffered offer) {
    AgentCall now = byInterface.get(offer.agentInterface());
    if (now != null && now.answered()) {
      return;
    }
    track(
        new AgentCall(
            offer.serverId(),
            offer.linkedId(),
            offer.agentInterface(),
            offer.agentChannel(),
            false));
  }

  /**
   * A person answered: the member who took a queue call is connected and the other members it rang
   * are not; the agent's phone answering one of our dials is that dial's result.
   *
   * @return the dial's result to tell the agent, or null
   */
  public DialOutcome answered(CallAnswered answer) {
    DialOutcome result = null;
    PendingDial dial = answer.originateId() == null ? null : dials.get(answer.originateId());
    if (dial != null) {
      forgetDial(dial.originateId());
      AgentCall leg = byInterface.get(dial.agentInterface());
      if (leg != null && leg.linkedId().equals(answer.linkedId())) {
        byInterface.put(dial.agentInterface(), leg.connected());
      }
      result =
          new DialOutcome(
              dial.userId(),
              dial.originateId(),
              CallOutcome.ANSWERED.wire(),
              answer.serverId(),
              answer.linkedId());
    }
    String member = answer.agentInterface();
    if (member == null && result == null) {
      answeredWithoutQueue(answer);
    }
    if (member != null) {
      byInterface
          .values()
          .removeIf(
              leg ->
                  leg.linkedId().equals(answer.linkedId())
                      && !leg.answered()
                      && !leg.agentInterface().equals(member));
      AgentCall rang = byInterface.get(member);
      String channel =
          answer.answeringChannel() != null
              ? answer.answeringChannel()
              : rang != null && rang.linkedId().equals(answer.linkedId()) ? rang.channel() : null;
      if (channel != null) {
        track(new AgentCall(answer.serverId(), answer.linkedId(), member, channel, true));
      }
    }
    return result;
  }

  /**
   * A call without a queue was answered: its legs known so far are connected, and the answering
   * channel, when a phone's with no known leg, becomes that phone's leg. After a restart this is
   * how the legs of calls already talking come back: the bridge's resync adopts the channels it
   * lists and announces {@code call.answered} for two parties in one bridge, naming one of them.
   */
  private void answeredWithoutQueue(CallAnswered answer) {
    byInterface.replaceAll(
        (phone, leg) -> leg.linkedId().equals(answer.linkedId()) ? leg.connected() : leg);
    learn(answer.serverId(), answer.linkedId(), answer.answeringChannel(), true);
  }

  private void learn(String serverId, String linkedId, String channel, boolean answered) {
    String phone = PhoneChannels.interfaceOf(channel);
    if (phone != null && !byInterface.containsKey(phone)) {
      track(new AgentCall(serverId, linkedId, phone, channel, answered));
    }
  }

  /** A transfer by an agent phone's channel succeeded: that leg left the call. */
  public void transferred(CallTransferred transfer) {
    if (transfer.success() && transfer.transfererChannel() != null) {
      byInterface.values().removeIf(leg -> leg.channel().equals(transfer.transfererChannel()));
    }
  }

  /** The call is over: its legs are gone; says whom to tell and whom to credit. */
  public Ending ended(CallEnded end) {
    byInterface.values().removeIf(leg -> leg.linkedId().equals(end.linkedId()));
    DialOutcome result = null;
    PendingDial dial = end.originateId() == null ? null : dials.get(end.originateId());
    if (dial != null) {
      forgetDial(dial.originateId());
      result =
          new DialOutcome(
              dial.userId(),
              dial.originateId(),
              end.outcome().wire(),
              end.serverId(),
              end.linkedId());
    }
    if (end.mergedIntoCallId() != null) {
      // An attended transfer's consultation call: it has no call log of its own.
      return new Ending(result, end.serverId(), end.linkedId(), null, null, null);
    }
    HandledCall known = handled.get(end.linkedId());
    if (known != null && !known.serverId().equals(end.serverId())) {
      known = null;
    }
    boolean queueAnswer = end.outcome() == CallOutcome.ANSWERED && end.agentInterface() != null;
    Long agent = known != null ? known.lastAgent() : dial != null ? dial.userId() : null;
    Long customer = known != null ? known.customerId() : dial != null ? dial.customerId() : null;
    return new Ending(
        result,
        end.serverId(),
        end.linkedId(),
        agent,
        customer,
        queueAnswer ? end.agentInterface() : null);
  }

  private void track(AgentCall leg) {
    if (!byInterface.containsKey(leg.agentInterface()) && byInterface.size() >= maxAgents) {
      return;
    }
    byInterface.put(leg.agentInterface(), leg);
  }

  private void forgetDial(String originateId) {
    PendingDial dial = dials.remove(originateId);
    if (dial != null) {
      dialByUser.remove(dial.userId(), originateId);
    }
  }
}
