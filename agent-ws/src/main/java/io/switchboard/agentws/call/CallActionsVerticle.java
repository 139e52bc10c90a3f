package io.switchboard.agentws.call;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.persistence.CallWrapUpRepository;
import io.switchboard.core.call.CallAddresses;
import io.switchboard.core.call.CallAnswered;
import io.switchboard.core.call.CallCreated;
import io.switchboard.core.call.CallEnded;
import io.switchboard.core.call.CallOffered;
import io.switchboard.core.call.CallTransferred;
import io.switchboard.core.call.OriginateIds;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.ConsoleCommand;
import io.switchboard.core.console.ConsoleMessage;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.phone.PhoneNormalizer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's call actions: takes the {@code call.*} commands ({@value
 * CallMessages#COMMAND_ADDRESS}) of agents, and of supervisors and admins acting as agents, and
 * turns them into AMI actions on the sender's own phone and call (click-to-dial, hangup, blind and
 * attended transfer, recording pause) or into a stored wrap-up. Follows the AMI bridge's call
 * events to know each agent phone's leg, to tell an agent the result of its dial ({@value
 * CallMessages#DIAL_RESULT}) and to credit each answered call to its agent in the call log. Owns
 * one {@link AgentCalls}; everything runs on this verticle's context. Deploy one per cluster, after
 * the {@code AgentStateVerticle} it asks for agent states.
 */
public final class CallActionsVerticle extends VerticleBase {

  /** How often dials whose result never came are looked for. */
  public static final long DIAL_EXPIRY_CHECK_MS = 5_000;

  /** Most call-log attributions being written at once; more are dropped with an error log. */
  public static final int MAX_ATTRIBUTIONS_IN_FLIGHT = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(CallActionsVerticle.class);

  private static final Set<String> ROLES =
      Set.of(
          ConsoleAddresses.ROLE_AGENT,
          ConsoleAddresses.ROLE_SUPERVISOR,
          ConsoleAddresses.ROLE_ADMIN);

  private final CallActionSettings settings;
  private final CallWrapUpRepository repository;
  private final Clock clock;
  private final CallCommandParser parser;
  private final CallAmiRequests plans;
  private final AgentCalls calls =
      new AgentCalls(AgentCalls.DEFAULT_MAX_AGENTS, AgentCalls.DEFAULT_MAX_HANDLED_CALLS);
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final Set<Future<?>> attributions = new HashSet<>();
  private BusRequests bus;
  private AgentStateQueries agents;
  private CallWrapUps wrapUps;
  private ClickToDials dials;
  private CallControls controls;
  private long timer = -1;

  public CallActionsVerticle(
      CallActionSettings settings, CallWrapUpRepository repository, Clock clock) {
    this.settings = settings;
    this.repository = repository;
    this.clock = clock;
    this.parser = new CallCommandParser(new PhoneNormalizer(settings.defaultRegion()));
    this.plans = new CallAmiRequests(settings);
  }

  /** The node's call actions over its database: what the node deploys. */
  public static CallActionsVerticle create(
      SwitchboardSettings settings, PostgresDatabase database) {
    return new CallActionsVerticle(
        CallActionSettings.from(settings), CallWrapUpRepository.over(database), Clock.systemUTC());
  }

  @Override
  public Future<?> start() {
    bus = new BusRequests(vertx.eventBus());
    agents = new AgentStateQueries(bus);
    wrapUps = new CallWrapUps(repository, calls, agents);
    dials = new ClickToDials(bus, agents, calls, plans, repository, clock);
    controls = new CallControls(bus, agents, calls, plans);
    consumers.add(vertx.eventBus().consumer(CallMessages.COMMAND_ADDRESS, this::command));
    listen(CallAddresses.CALL_CREATED, CallCreated::fromJson, calls::created);
    listen(CallAddresses.CALL_OFFERED, CallOffered::fromJson, calls::offered);
    listen(CallAddresses.CALL_ANSWERED, CallAnswered::fromJson, this::answered);
    listen(CallAddresses.CALL_TRANSFERRED, CallTransferred::fromJson, calls::transferred);
    listen(CallAddresses.CALL_ENDED, CallEnded::fromJson, this::ended);
    timer = vertx.setPeriodic(DIAL_EXPIRY_CHECK_MS, tick -> expireDials());
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
        .compose(done -> Future.join(List.copyOf(attributions)));
  }

  private <T> void listen(String address, Function<JsonObject, T> parse, Consumer<T> handler) {
    consumers.add(
        vertx
            .eventBus()
            .<JsonObject>consumer(
                address,
                message -> {
                  try {
                    handler.accept(parse.apply(message.body()));
                  } catch (RuntimeException bad) {
                    LOG.error("Ignoring {} that cannot be read: {}", address, message.body(), bad);
                  }
                }));
  }

  // --- commands ---------------------------------------------------------------------------

  private void command(Message<JsonObject> message) {
    Future<ConsoleMessage> reply;
    try {
      ConsoleCommand sender = ConsoleCommand.fromJson(message.body());
      if (sender.roles().stream().noneMatch(ROLES::contains)) {
        throw new SwitchboardException(
            ErrorCode.FORBIDDEN, sender.type() + ": call commands are for agents and supervisors");
      }
      reply = execute(sender, parser.parse(sender.type(), sender.data()));
    } catch (IllegalArgumentException bad) {
      reply =
          Future.failedFuture(new SwitchboardException(ErrorCode.BAD_REQUEST, bad.getMessage()));
    } catch (RuntimeException failed) {
      reply = Future.failedFuture(failed);
    }
    reply.onComplete(
        done -> {
          if (done.succeeded()) {
            message.reply(done.result().toJson());
          } else {
            fail(message, done.cause());
          }
        });
  }

  private Future<ConsoleMessage> execute(ConsoleCommand sender, CallCommand command) {
    long userId = sender.userId();
    if (command instanceof CallCommand.Dial dial) {
      return dials.dial(userId, dial);
    }
    if (command instanceof CallCommand.Transfer transfer) {
      return controls.transfer(userId, transfer);
    }
    if (command instanceof CallCommand.Recording recording) {
      return controls.recording(userId, recording);
    }
    if (command instanceof CallCommand.WrapUp wrapUp) {
      return wrapUps
          .wrapUp(userId, supervises(sender), wrapUp)
          .map(data -> new ConsoleMessage(CallMessages.WRAPUP, data));
    }
    return controls.hangup(userId);
  }

  private static boolean supervises(ConsoleCommand sender) {
    return sender.roles().contains(ConsoleAddresses.ROLE_SUPERVISOR)
        || sender.roles().contains(ConsoleAddresses.ROLE_ADMIN);
  }

  private static void fail(Message<JsonObject> message, Throwable failure) {
    if (failure instanceof SwitchboardException known) {
      if (known.code() == ErrorCode.INTERNAL) {
        LOG.error("Call command failed", failure);
      }
      message.fail(known.code().busFailureCode(), known.getMessage());
    } else {
      LOG.error("Call command failed", failure);
      message.fail(ErrorCode.INTERNAL.busFailureCode(), "internal error: " + failure.getMessage());
    }
  }

  // --- call events ------------------------------------------------------------------------

  private void answered(CallAnswered answer) {
    DialOutcome result = calls.answered(answer);
    if (result != null) {
      tell(result);
    }
  }

  private void ended(CallEnded end) {
    AgentCalls.Ending ending = calls.ended(end);
    if (ending.dial() != null) {
      tell(ending.dial());
    }
    if (!ending.credits()) {
      return;
    }
    Future<Long> agent =
        ending.interfaceToResolve() == null
            ? Future.succeededFuture(ending.agentUserId())
            : agents
                .atInterface(ending.interfaceToResolve())
                .map(state -> state != null ? Long.valueOf(state.userId()) : ending.agentUserId())
                .recover(unknown -> Future.succeededFuture(ending.agentUserId()));
    agent.onSuccess(userId -> credit(ending, userId));
  }

  /** Records the agent of an ended call, here at once and in the call log. */
  private void credit(AgentCalls.Ending ending, Long userId) {
    if (userId == null) {
      return;
    }
    calls.handledBy(ending.serverId(), ending.linkedId(), userId, ending.customerId());
    if (attributions.size() >= MAX_ATTRIBUTIONS_IN_FLIGHT) {
      LOG.error(
          "Call {}/{} is not credited to agent {}: {} writes are waiting for PostgreSQL",
          ending.serverId(),
          ending.linkedId(),
          userId,
          attributions.size());
      return;
    }
    Future<Boolean> write =
        repository
            .attribute(ending.serverId(), ending.linkedId(), userId, ending.customerId())
            .onFailure(
                failure ->
                    LOG.error(
                        "Call {}/{} is not credited to agent {} in its call log: {}",
                        ending.serverId(),
                        ending.linkedId(),
                        userId,
                        failure.getMessage()));
    attributions.add(write);
    write.onComplete(done -> attributions.remove(write));
  }

  private void expireDials() {
    for (DialOutcome expired : calls.expireDials(clock.instant(), settings.dialResultWait())) {
      tell(expired);
      // No answer was seen within the wait: the agent is not on that call.
      agents
          .dialFailed(expired.userId(), OriginateIds.channelId(expired.originateId()))
          .onFailure(
              failure ->
                  LOG.warn(
                      "Agent {} stays on its dial {} that never reported: {}",
                      expired.userId(),
                      expired.originateId(),
                      failure.getMessage()));
    }
  }

  private void tell(DialOutcome result) {
    vertx
        .eventBus()
        .publish(
            ConsoleBusAddresses.toUser(result.userId()),
            new ConsoleMessage(CallMessages.DIAL_RESULT, result.toJson()).toJson());
  }
}
