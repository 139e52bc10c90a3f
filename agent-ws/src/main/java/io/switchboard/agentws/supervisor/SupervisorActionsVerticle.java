package io.switchboard.agentws.supervisor;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.agent.AgentState;
import io.switchboard.agentws.agent.AgentStatus;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.ConsoleCommand;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervisor actions from the console ({@value ConsoleBusAddresses#SUPERVISOR_COMMANDS}), for
 * holders of the supervisor or admin role only: listen, whisper or barge into an agent's call
 * (ChanSpy through the AMI bridge, from the supervisor's own phone), and force an agent's pause or
 * logout (forwarded to the agent-state owner as that agent's command, so the agent rules stay in
 * one place). Each action is written to the audit log ({@code io.switchboard.audit.supervisor}).
 * Holds no state; replies complete on this verticle's context.
 */
public final class SupervisorActionsVerticle extends VerticleBase {

  /** How long the agent-state owner and the AMI bridge have to answer. */
  public static final long REQUEST_TIMEOUT_MS = 10_000;

  /** Longest phone interface accepted. */
  public static final int MAX_INTERFACE_LENGTH = 128;

  /** The spy modes of {@code ami.action.spy}. */
  public static final List<String> SPY_MODES = List.of("listen", "whisper", "barge");

  /** The roles that may use supervisor actions. */
  public static final List<String> ROLES =
      List.of(ConsoleAddresses.ROLE_SUPERVISOR, ConsoleAddresses.ROLE_ADMIN);

  private static final Logger LOG = LoggerFactory.getLogger(SupervisorActionsVerticle.class);

  // crm-api's AuditTrail is not reachable over the event bus: supervisor actions are audited here.
  private static final Logger AUDIT = LoggerFactory.getLogger("io.switchboard.audit.supervisor");

  private static final DeliveryOptions REQUEST =
      new DeliveryOptions().setSendTimeout(REQUEST_TIMEOUT_MS);

  private MessageConsumer<JsonObject> consumer;

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().consumer(ConsoleBusAddresses.SUPERVISOR_COMMANDS, this::command);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return consumer.unregister();
  }

  private void command(Message<JsonObject> message) {
    ConsoleCommand command;
    try {
      command = ConsoleCommand.fromJson(message.body());
    } catch (RuntimeException bad) {
      message.fail(
          ErrorCode.BAD_REQUEST.busFailureCode(), "supervisor command: " + bad.getMessage());
      return;
    }
    if (command.roles().stream().noneMatch(ROLES::contains)) {
      AUDIT.warn(
          "refused {} by {} (user {}, roles {}): not a supervisor",
          command.type(),
          command.username(),
          command.userId(),
          command.roles());
      message.fail(
          ErrorCode.FORBIDDEN.busFailureCode(),
          command.type()
              + " needs the role supervisor or admin; "
              + command.username()
              + " has "
              + command.roles());
      return;
    }
    Future<JsonObject> done;
    try {
      done =
          switch (command.type()) {
            case ConsoleBusAddresses.SUPERVISOR_SPY -> spy(command);
            case ConsoleBusAddresses.SUPERVISOR_PAUSE ->
                force(command, ConsoleBusAddresses.AGENT_PAUSE, pauseData(command));
            case ConsoleBusAddresses.SUPERVISOR_LOGOUT ->
                force(command, ConsoleBusAddresses.AGENT_LOGOUT, new JsonObject());
            default ->
                throw new SwitchboardException(
                    ErrorCode.BAD_REQUEST,
                    "unknown supervisor command type '"
                        + command.type()
                        + "', expected supervisor.spy, supervisor.pause or supervisor.logout");
          };
    } catch (RuntimeException bad) {
      done = Future.failedFuture(bad);
    }
    done.onSuccess(
            data ->
                message.reply(
                    new JsonObject()
                        .put("type", ConsoleBusAddresses.SUPERVISOR_DONE)
                        .put("data", data)))
        .onFailure(
            failure -> {
              AUDIT.info(
                  "{} by {} (user {}) failed: {}",
                  command.type(),
                  command.username(),
                  command.userId(),
                  failure.getMessage());
              fail(message, failure);
            });
  }

  // --- listen, whisper, barge -------------------------------------------------------------

  private Future<JsonObject> spy(ConsoleCommand command) {
    long agentUserId = agentUserId(command);
    String mode = command.data().getValue("mode") instanceof String text ? text : null;
    if (mode == null || !SPY_MODES.contains(mode)) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST, "supervisor.spy needs 'mode': listen, whisper or barge");
    }
    String phone = phone(command);
    return vertx
        .eventBus()
        .<JsonObject>request(
            ConsoleBusAddresses.AGENT_STATE_QUERY,
            new JsonObject().put("userId", agentUserId),
            REQUEST)
        .compose(
            reply -> {
              AgentState agent = AgentState.fromJson(reply.body().getJsonObject("agent"));
              if (agent.status() != AgentStatus.ON_CALL) {
                throw new SwitchboardException(
                    ErrorCode.CONFLICT,
                    "agent "
                        + agentUserId
                        + " is not on a call (state "
                        + agent.status().wire()
                        + "), there is nothing to listen to");
              }
              if (phone.equals(agent.agentInterface())) {
                throw new SwitchboardException(
                    ErrorCode.BAD_REQUEST,
                    "'interface' is the agent's own phone; give the supervisor's phone");
              }
              String target = SpyTarget.channelPrefix(agent.agentInterface());
              JsonObject request =
                  new JsonObject()
                      .put(AmiActionFields.SUPERVISOR, phone)
                      .put(AmiActionFields.TARGET, target)
                      .put(AmiActionFields.MODE, mode);
              return vertx
                  .eventBus()
                  .<JsonObject>request(AmiActionAddresses.SPY, request, REQUEST)
                  .map(
                      answered -> {
                        AUDIT.info(
                            "{} by {} (user {}): {} on agent {} ({}, call {}) from {}",
                            command.type(),
                            command.username(),
                            command.userId(),
                            mode,
                            agentUserId,
                            target,
                            agent.linkedId(),
                            phone);
                        return new JsonObject()
                            .put("action", command.type())
                            .put("agentUserId", agentUserId)
                            .put("mode", mode)
                            .put("interface", phone)
                            .put("target", target)
                            .put("linkedId", agent.linkedId())
                            .put(
                                "channelId", answered.body().getString(AmiActionFields.CHANNEL_ID));
                      });
            });
  }

  private static String phone(ConsoleCommand command) {
    Object value = command.data().getValue("interface");
    if (!(value instanceof String phone)
        || phone.isBlank()
        || phone.length() > MAX_INTERFACE_LENGTH
        || phone.indexOf('/') <= 0
        || phone.chars().anyMatch(c -> c == '\r' || c == '\n' || c == ',' || c == '|')) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          "supervisor.spy needs 'interface', the supervisor's own phone such as PJSIP/2001 (at"
              + " most "
              + MAX_INTERFACE_LENGTH
              + " characters, no line breaks, ',' or '|')");
    }
    return phone;
  }

  // --- forced pause and logout ------------------------------------------------------------

  private static JsonObject pauseData(ConsoleCommand command) {
    Object reason = command.data().getValue("reason");
    if (!(reason instanceof String)) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST, "supervisor.pause needs 'reason', a pause reason code");
    }
    return new JsonObject().put("reason", reason);
  }

  /** Sends the agent's own command for it, signed {@code supervisor:<username>}. */
  private Future<JsonObject> force(ConsoleCommand command, String agentType, JsonObject data) {
    long agentUserId = agentUserId(command);
    ConsoleCommand forwarded =
        new ConsoleCommand(
            agentUserId, "supervisor:" + command.username(), command.roles(), agentType, data);
    return vertx
        .eventBus()
        .<JsonObject>request(ConsoleBusAddresses.AGENT_COMMANDS, forwarded.toJson(), REQUEST)
        .map(
            reply -> {
              JsonObject agent = reply.body().getJsonObject("data");
              AUDIT.info(
                  "{} by {} (user {}): agent {} is now {}{}",
                  command.type(),
                  command.username(),
                  command.userId(),
                  agentUserId,
                  agent == null ? "?" : agent.getString("state"),
                  data.containsKey("reason") ? " (reason " + data.getString("reason") + ")" : "");
              return new JsonObject()
                  .put("action", command.type())
                  .put("agentUserId", agentUserId)
                  .put("agent", agent);
            });
  }

  // --- common -----------------------------------------------------------------------------

  private static long agentUserId(ConsoleCommand command) {
    Object value = command.data().getValue("agentUserId");
    if (!(value instanceof Number number)
        || number.doubleValue() != number.longValue()
        || number.longValue() <= 0) {
      throw new SwitchboardException(
          ErrorCode.BAD_REQUEST,
          command.type() + " needs 'agentUserId', the agent's user id (a positive number)");
    }
    return number.longValue();
  }

  private static void fail(Message<JsonObject> message, Throwable failure) {
    if (failure instanceof SwitchboardException known) {
      message.fail(known.code().busFailureCode(), known.getMessage());
    } else if (failure instanceof ReplyException reply) {
      switch (reply.failureType()) {
        case NO_HANDLERS ->
            message.fail(ErrorCode.UNAVAILABLE.busFailureCode(), reply.getMessage());
        case TIMEOUT -> message.fail(ErrorCode.TIMEOUT.busFailureCode(), reply.getMessage());
        default -> message.fail(reply.failureCode(), reply.getMessage());
      }
    } else {
      LOG.error("Supervisor command failed", failure);
      message.fail(ErrorCode.INTERNAL.busFailureCode(), "internal error: " + failure.getMessage());
    }
  }
}
