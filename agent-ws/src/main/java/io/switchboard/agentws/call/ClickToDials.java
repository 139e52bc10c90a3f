package io.switchboard.agentws.call;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.agentws.persistence.CallWrapUpRepository;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.call.OriginateIds;
import io.switchboard.core.console.ConsoleMessage;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code call.dial}: checks the customer and that the agent's phone is free, remembers the dial in
 * {@link AgentCalls} (whose events then tell its result), has the agent-state owner put the agent
 * on the call (busy from the moment its phone rings for the dial: no queue rings it meanwhile),
 * then sends the Originate; a refused Originate puts the agent back. Runs on the {@link
 * CallActionsVerticle}'s context.
 */
final class ClickToDials {

  private static final Logger LOG = LoggerFactory.getLogger(ClickToDials.class);

  private final BusRequests bus;
  private final AgentStateQueries agents;
  private final AgentCalls calls;
  private final CallAmiRequests plans;
  private final CallWrapUpRepository repository;
  private final Clock clock;

  ClickToDials(
      BusRequests bus,
      AgentStateQueries agents,
      AgentCalls calls,
      CallAmiRequests plans,
      CallWrapUpRepository repository,
      Clock clock) {
    this.bus = bus;
    this.agents = agents;
    this.calls = calls;
    this.plans = plans;
    this.repository = repository;
    this.clock = clock;
  }

  Future<ConsoleMessage> dial(long userId, CallCommand.Dial dial) {
    Future<Boolean> customer =
        dial.customerId() == null
            ? Future.succeededFuture(true)
            : repository.customerExists(dial.customerId());
    Future<AgentState> state = agents.ofUser(userId);
    return Future.all(customer, state)
        .compose(
            checked -> {
              if (!customer.result()) {
                throw new SwitchboardException(
                    ErrorCode.BAD_REQUEST,
                    "call.dial: 'customerId' " + dial.customerId() + " is not a customer");
              }
              AgentState agent = state.result();
              PendingDial sent = check(userId, agent, dial);
              if (!calls.startDial(sent)) {
                throw new SwitchboardException(
                    ErrorCode.UNAVAILABLE, "call.dial: too many dials are waiting for the PBX");
              }
              String linkedId = OriginateIds.channelId(sent.originateId());
              return agents
                  .dialStarts(userId, linkedId)
                  .recover(
                      notNow -> {
                        calls.dialRefused(sent.originateId());
                        // A start that timed out here may still land: told that it was given up,
                        // the owner refuses it (and puts the PBX's pause back).
                        agents
                            .dialFailed(userId, linkedId)
                            .onFailure(
                                lost ->
                                    LOG.warn(
                                        "Agent {}: giving up dial {} not told: {}",
                                        userId,
                                        linkedId,
                                        lost.getMessage()));
                        return Future.failedFuture(
                            notNow instanceof SwitchboardException known
                                ? new SwitchboardException(
                                    known.code(),
                                    CallMessages.DIAL + ": " + known.getMessage(),
                                    known)
                                : notNow);
                      })
                  .compose(
                      busy ->
                          bus.request(
                                  AmiActionAddresses.ORIGINATE,
                                  plans.originate(sent, dial.number()))
                              .recover(refused -> undo(sent, linkedId, refused)))
                  .map(
                      accepted ->
                          new ConsoleMessage(
                              CallMessages.DIAL,
                              new JsonObject().put("originateId", sent.originateId())));
            });
  }

  /** The dial to send; 409 when the agent is logged out, or its phone busy or already dialling. */
  private PendingDial check(long userId, AgentState agent, CallCommand.Dial dial) {
    if (!agent.loggedIn()) {
      throw CallControls.conflict(
          CallMessages.DIAL, "log in first: the dial rings your phone first");
    }
    PendingDial waiting = calls.dialOf(userId);
    if (waiting != null) {
      throw CallControls.conflict(
          CallMessages.DIAL,
          "your dial " + waiting.originateId() + " has not reached your phone yet");
    }
    AgentCall leg = calls.current(agent.agentInterface());
    if (agent.status() == AgentStatus.RINGING
        || agent.status() == AgentStatus.ON_CALL
        || leg != null) {
      throw CallControls.conflict(
          CallMessages.DIAL,
          "your phone "
              + agent.agentInterface()
              + " is on a call ("
              + (leg != null ? leg.linkedId() : agent.linkedId())
              + ")");
    }
    return new PendingDial(
        UUID.randomUUID().toString(),
        userId,
        agent.agentInterface(),
        dial.customerId(),
        clock.instant());
  }

  /** The PBX refused the dial: forgotten, and the agent back to its state before it. */
  private <T> Future<T> undo(PendingDial sent, String linkedId, Throwable refused) {
    calls.dialRefused(sent.originateId());
    return agents
        .dialFailed(sent.userId(), linkedId)
        .transform(
            back -> {
              if (back.failed()) {
                LOG.warn(
                    "Agent {} stays on its refused dial {}: {}",
                    sent.userId(),
                    linkedId,
                    back.cause().getMessage());
              }
              return Future.failedFuture(refused);
            });
  }
}
