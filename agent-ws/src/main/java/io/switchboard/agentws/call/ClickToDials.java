package io.switchboard.agentws.call;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.agentws.persistence.CallWrapUpRepository;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.console.ConsoleMessage;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.UUID;

/**
 * {@code call.dial}: checks the customer and that the agent's phone is free, remembers the dial in
 * {@link AgentCalls} (whose events then tell its result) and sends the Originate. Runs on the
 * {@link CallActionsVerticle}'s context.
 */
final class ClickToDials {

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
              if (!agent.loggedIn()) {
                throw CallControls.conflict(
                    CallMessages.DIAL, "log in first: the dial rings your phone first");
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
              PendingDial waiting = calls.dialOf(userId);
              if (waiting != null) {
                throw CallControls.conflict(
                    CallMessages.DIAL,
                    "your dial " + waiting.originateId() + " has not reached your phone yet");
              }
              PendingDial sent =
                  new PendingDial(
                      UUID.randomUUID().toString(),
                      userId,
                      agent.agentInterface(),
                      dial.customerId(),
                      clock.instant());
              if (!calls.startDial(sent)) {
                throw new SwitchboardException(
                    ErrorCode.UNAVAILABLE, "call.dial: too many dials are waiting for the PBX");
              }
              return bus.request(AmiActionAddresses.ORIGINATE, plans.originate(sent, dial.number()))
                  .recover(
                      refused -> {
                        calls.dialRefused(sent.originateId());
                        return Future.failedFuture(refused);
                      })
                  .map(
                      accepted ->
                          new ConsoleMessage(
                              CallMessages.DIAL,
                              new JsonObject().put("originateId", sent.originateId())));
            });
  }
}
