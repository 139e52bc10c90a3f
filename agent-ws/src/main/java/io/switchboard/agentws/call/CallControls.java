package io.switchboard.agentws.call;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.console.ConsoleMessage;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code call.hangup}, {@code call.transfer} and {@code call.recording}: AMI actions on the
 * sender's leg of its current call ({@link AgentCalls}) and, read from Asterisk at the time, on the
 * party bridged with it. Runs on the {@link CallActionsVerticle}'s context.
 */
final class CallControls {

  private final BusRequests bus;
  private final AgentStateQueries agents;
  private final AgentCalls calls;
  private final CallAmiRequests plans;

  CallControls(BusRequests bus, AgentStateQueries agents, AgentCalls calls, CallAmiRequests plans) {
    this.bus = bus;
    this.agents = agents;
    this.calls = calls;
    this.plans = plans;
  }

  Future<ConsoleMessage> hangup(long userId) {
    return agents
        .ofUser(userId)
        .compose(
            agent -> {
              AgentCall leg = legOf(agent, CallMessages.HANGUP, false);
              return bus.request(AmiActionAddresses.HANGUP, plans.hangup(leg))
                  .map(done -> new ConsoleMessage(CallMessages.HANGUP, describe(leg)));
            });
  }

  Future<ConsoleMessage> transfer(long userId, CallCommand.Transfer transfer) {
    TransferTarget target = transfer.target();
    if (target.kind() == TransferTarget.Kind.AGENT && target.agentUserId() == userId) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST, "call.transfer: 'to.value' is you; pick another agent");
    }
    return agents
        .ofUser(userId)
        .compose(
            agent -> {
              AgentCall leg = legOf(agent, CallMessages.TRANSFER, true);
              return destination(target)
                  .compose(to -> move(leg, to, transfer.attended()))
                  .map(
                      to -> {
                        calls.handledBy(leg.serverId(), leg.linkedId(), userId, null);
                        return new ConsoleMessage(
                            CallMessages.TRANSFER,
                            describe(leg)
                                .put("mode", transfer.attended() ? "attended" : "blind")
                                .put(
                                    "to",
                                    new JsonObject()
                                        .put("kind", target.kind().wire())
                                        .put("value", target.value())
                                        .put("context", to.context())
                                        .put("exten", to.exten())));
                      });
            });
  }

  /**
   * Attended: {@code Atxfer} from the agent's leg. Blind: {@code Redirect} of the other party; the
   * agent's leg is then dropped by the PBX.
   */
  private Future<Destination> move(AgentCall leg, Destination to, boolean attended) {
    if (attended) {
      return bus.request(AmiActionAddresses.ATXFER, plans.atxfer(leg, to)).map(started -> to);
    }
    return bridgePeer(leg, CallMessages.TRANSFER)
        .compose(peer -> bus.request(AmiActionAddresses.REDIRECT, plans.redirect(leg, peer, to)))
        .map(
            moved -> {
              calls.left(leg);
              return to;
            });
  }

  private Future<Destination> destination(TransferTarget target) {
    if (target.kind() != TransferTarget.Kind.AGENT) {
      return Future.succeededFuture(plans.destination(target, null));
    }
    return agents
        .ofUser(target.agentUserId())
        .map(
            other -> {
              if (!other.loggedIn()) {
                throw conflict(
                    CallMessages.TRANSFER, "agent " + target.value() + " is not logged in");
              }
              try {
                return plans.destination(target, other.agentInterface());
              } catch (IllegalArgumentException noExtension) {
                throw conflict(
                    CallMessages.TRANSFER,
                    "agent " + target.value() + ": " + noExtension.getMessage());
              }
            });
  }

  Future<ConsoleMessage> recording(long userId, CallCommand.Recording recording) {
    return agents
        .ofUser(userId)
        .compose(
            agent -> {
              AgentCall leg = legOf(agent, CallMessages.RECORDING, true);
              return mute(leg.serverId(), leg.channel(), recording.pause())
                  .recover(
                      refused -> {
                        if (!BusRequests.refusedByAsterisk(refused)) {
                          return Future.failedFuture(refused);
                        }
                        // The recording may run on the other party's channel (app_queue records
                        // the caller's).
                        return bridgePeer(leg, CallMessages.RECORDING)
                            .compose(peer -> mute(leg.serverId(), peer, recording.pause()))
                            .recover(
                                again ->
                                    Future.failedFuture(
                                        BusRequests.refusedByAsterisk(again)
                                            ? conflict(
                                                CallMessages.RECORDING,
                                                "no recording runs on your call that can be"
                                                    + " paused ("
                                                    + refused.getMessage()
                                                    + ")")
                                            : again));
                      })
                  .map(
                      channel ->
                          new ConsoleMessage(
                              CallMessages.RECORDING,
                              describe(leg)
                                  .put("action", recording.pause() ? "pause" : "resume")
                                  .put("recordingChannel", channel)));
            });
  }

  private Future<String> mute(String serverId, String channel, boolean pause) {
    return bus.request(AmiActionAddresses.MIXMONITOR_MUTE, plans.mute(serverId, channel, pause))
        .map(done -> channel);
  }

  /** The channel bridged with the agent's leg; 409 when there is not exactly one. */
  private Future<String> bridgePeer(AgentCall leg, String type) {
    return bus.request(AmiActionAddresses.GETVAR, plans.bridgePeer(leg))
        .map(
            reply -> {
              String peer = reply.getString(AmiActionFields.VALUE);
              if (peer == null || peer.isBlank()) {
                throw conflict(
                    type, "your channel " + leg.channel() + " is not talking to anyone now");
              }
              if (peer.indexOf(',') >= 0) {
                throw conflict(type, "your call has more than two parties (" + peer + ")");
              }
              return peer;
            });
  }

  /** The agent's leg in its current call; 409 when logged out, without a call, or not answered. */
  private AgentCall legOf(AgentState agent, String type, boolean answered) {
    if (!agent.loggedIn()) {
      throw conflict(type, "you are not logged in");
    }
    AgentCall leg = calls.current(agent.agentInterface());
    if (leg == null) {
      throw conflict(type, "your phone " + agent.agentInterface() + " has no call");
    }
    if (answered && !leg.answered()) {
      throw conflict(type, "the call " + leg.linkedId() + " is not answered yet");
    }
    return leg;
  }

  private static JsonObject describe(AgentCall leg) {
    return new JsonObject()
        .put("serverId", leg.serverId())
        .put("linkedId", leg.linkedId())
        .put("channel", leg.channel());
  }

  static SwitchboardException conflict(String type, String why) {
    return new SwitchboardException(ErrorCode.CONFLICT, type + ": " + why);
  }
}
