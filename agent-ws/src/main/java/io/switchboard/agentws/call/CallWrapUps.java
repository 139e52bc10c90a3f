package io.switchboard.agentws.call;

import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.agentws.persistence.CallWrapUp;
import io.switchboard.agentws.persistence.CallWrapUpRepository;
import io.switchboard.agentws.persistence.KnownCall;
import io.switchboard.agentws.persistence.StoredWrapUp;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * {@code call.wrapup}: checks the code, the customer and that the sender handled the call (or is a
 * supervisor), finds the call's server, and stores the wrap-up. Which agents handled a call comes
 * from what this node saw ({@link AgentCalls}), the sender's agent state, and the attributions in
 * PostgreSQL. Runs on the {@link CallActionsVerticle}'s context.
 */
final class CallWrapUps {

  private final CallWrapUpRepository repository;
  private final AgentCalls calls;
  private final AgentStateQueries agents;

  CallWrapUps(CallWrapUpRepository repository, AgentCalls calls, AgentStateQueries agents) {
    this.repository = repository;
    this.calls = calls;
    this.agents = agents;
  }

  /** Stores the wrap-up; the reply's data. */
  Future<JsonObject> wrapUp(long userId, boolean supervisor, CallCommand.WrapUp w) {
    Future<Optional<Boolean>> code = repository.dispositionActive(w.code());
    Future<Boolean> customer =
        w.customerId() == null
            ? Future.succeededFuture(true)
            : repository.customerExists(w.customerId());
    Future<List<KnownCall>> stored = repository.findCalls(w.linkedId());
    Future<AgentState> sender = agents.ofUser(userId);
    return Future.all(code, customer, stored, sender)
        .compose(
            all -> {
              checkCode(w, code.result());
              if (!customer.result()) {
                throw invalid("customerId", w.customerId() + " is not a customer");
              }
              CallSighting call = locate(userId, w, stored.result(), sender.result());
              if (!call.handledBySender() && !supervisor) {
                throw new SwitchboardException(
                    ErrorCode.FORBIDDEN,
                    "call.wrapup: call "
                        + w.linkedId()
                        + " was not handled by you; only its agent or a supervisor may wrap it up");
              }
              HandledCall handled = calls.handled(w.linkedId());
              Long customerId =
                  w.customerId() != null
                      ? w.customerId()
                      : handled != null && handled.serverId().equals(call.serverId())
                          ? handled.customerId()
                          : null;
              CallWrapUp wrapUp =
                  new CallWrapUp(
                      call.serverId(),
                      w.linkedId(),
                      call.handledBySender() ? Long.valueOf(userId) : call.agentUserId(),
                      customerId,
                      w.code(),
                      w.note(),
                      userId);
              return repository.wrapUp(wrapUp).map(done -> reply(wrapUp, done));
            });
  }

  private static void checkCode(CallCommand.WrapUp w, Optional<Boolean> active) {
    if (active.isEmpty()) {
      throw invalid("code", "\"" + w.code() + "\" is not a disposition code");
    }
    if (!active.get()) {
      throw invalid("code", "\"" + w.code() + "\" is no longer in use");
    }
  }

  /**
   * Where the call ran, whether the sender handled it and whom it credits, from what this node saw,
   * the sender's agent state and the rows in PostgreSQL; 404 when none knows the call, 400 when it
   * ran on several servers and the command did not say which.
   */
  private CallSighting locate(
      long userId, CallCommand.WrapUp w, List<KnownCall> stored, AgentState sender) {
    String linkedId = w.linkedId();
    String serverId = w.serverId();
    boolean known = false;
    boolean bySender = false;
    Long agent = null;
    HandledCall handled = calls.handled(linkedId);
    if (handled != null && (serverId == null || serverId.equals(handled.serverId()))) {
      serverId = handled.serverId();
      known = true;
      bySender = handled.agents().contains(userId);
      agent = handled.lastAgent();
    }
    AgentCall leg = calls.current(sender.agentInterface());
    if (leg != null
        && leg.answered()
        && leg.linkedId().equals(linkedId)
        && (serverId == null || serverId.equals(leg.serverId()))) {
      serverId = leg.serverId();
      known = true;
      bySender = true;
    }
    if (serverId == null) {
      if (stored.size() > 1) {
        throw invalid(
            "serverId",
            "is required: call "
                + linkedId
                + " ran on "
                + String.join(", ", stored.stream().map(KnownCall::serverId).toList()));
      }
      serverId = stored.isEmpty() ? null : stored.get(0).serverId();
    }
    for (KnownCall call : stored) {
      if (call.serverId().equals(serverId)) {
        known = true;
        if (call.agentUserId() != null) {
          bySender |= call.agentUserId() == userId;
          agent = agent != null ? agent : call.agentUserId();
        }
      }
    }
    if (!known || serverId == null) {
      throw new SwitchboardException(
          ErrorCode.NOT_FOUND,
          "call.wrapup: no call "
              + linkedId
              + (w.serverId() == null ? "" : " on server " + w.serverId())
              + " is known");
    }
    // A queue call the agent talked on: its agent state names it until the next call.
    boolean talked =
        sender.status() == AgentStatus.ON_CALL || sender.status() == AgentStatus.WRAP_UP;
    bySender |= talked && linkedId.equals(sender.linkedId());
    return new CallSighting(serverId, bySender, agent);
  }

  private static JsonObject reply(CallWrapUp wrapUp, StoredWrapUp stored) {
    return new JsonObject()
        .put("serverId", wrapUp.serverId())
        .put("linkedId", wrapUp.linkedId())
        .put("code", wrapUp.code())
        .put("customerId", stored.customerId())
        .put("callLogged", stored.callLogged());
  }

  private static SwitchboardException invalid(String field, String problem) {
    return new SwitchboardException(
        ErrorCode.BAD_REQUEST, CallMessages.WRAPUP + ": '" + field + "' " + problem);
  }

  /** A call found: its server, whether the sender handled it, the agent credited with it. */
  private record CallSighting(String serverId, boolean handledBySender, Long agentUserId) {}
}
