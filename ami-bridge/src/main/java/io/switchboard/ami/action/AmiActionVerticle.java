package io.switchboard.ami.action;

import static io.switchboard.core.ami.AmiActionAddresses.ATXFER;
import static io.switchboard.core.ami.AmiActionAddresses.GETVAR;
import static io.switchboard.core.ami.AmiActionAddresses.HANGUP;
import static io.switchboard.core.ami.AmiActionAddresses.MIXMONITOR_MUTE;
import static io.switchboard.core.ami.AmiActionAddresses.MIXMONITOR_START;
import static io.switchboard.core.ami.AmiActionAddresses.MIXMONITOR_STOP;
import static io.switchboard.core.ami.AmiActionAddresses.ORIGINATE;
import static io.switchboard.core.ami.AmiActionAddresses.QUEUE_ADD;
import static io.switchboard.core.ami.AmiActionAddresses.QUEUE_PAUSE;
import static io.switchboard.core.ami.AmiActionAddresses.QUEUE_PENALTY;
import static io.switchboard.core.ami.AmiActionAddresses.QUEUE_REMOVE;
import static io.switchboard.core.ami.AmiActionAddresses.REDIRECT;
import static io.switchboard.core.ami.AmiActionAddresses.SETVAR;
import static io.switchboard.core.ami.AmiActionAddresses.SPY;

import io.switchboard.ami.client.AmiClient;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.connection.AmiReply;
import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers AMI actions to the other modules on the event-bus addresses of {@link
 * io.switchboard.core.ami.AmiActionAddresses}: checks the JSON request, picks the server, sends the
 * action through that server's {@link AmiClient}, and replies with JSON or with a failure whose
 * code is an {@link ErrorCode#busFailureCode()} and whose message says what went wrong (Asterisk's
 * own text when Asterisk refused). Holds no mutable state; one instance per node.
 */
public final class AmiActionVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AmiActionVerticle.class);

  /** Asterisk's input line limit ({@code inbuf[1025]} in {@code main/manager.c}). */
  static final int MAX_LINE_BYTES = 1024;

  /** Asterisk's header limit per action ({@code AST_MAX_MANHEADERS}). */
  static final int MAX_HEADERS = 128;

  private static final Map<String, Function<AmiRequest, PreparedAction>> ACTIONS = actions();

  private final Map<String, AmiClient> clients = new LinkedHashMap<>();
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();

  /**
   * @param clients the client of every configured server
   */
  public AmiActionVerticle(List<AmiClient> clients) {
    clients.forEach(client -> this.clients.put(client.serverId(), client));
  }

  private static Map<String, Function<AmiRequest, PreparedAction>> actions() {
    Map<String, Function<AmiRequest, PreparedAction>> actions = new LinkedHashMap<>();
    actions.put(ORIGINATE, CallActions::originate);
    actions.put(HANGUP, CallActions::hangup);
    actions.put(REDIRECT, CallActions::redirect);
    actions.put(ATXFER, CallActions::atxfer);
    actions.put(SPY, CallActions::spy);
    actions.put(QUEUE_ADD, QueueActions::add);
    actions.put(QUEUE_REMOVE, QueueActions::remove);
    actions.put(QUEUE_PAUSE, QueueActions::pause);
    actions.put(QUEUE_PENALTY, QueueActions::penalty);
    actions.put(MIXMONITOR_START, ChannelActions::mixMonitorStart);
    actions.put(MIXMONITOR_STOP, ChannelActions::mixMonitorStop);
    actions.put(MIXMONITOR_MUTE, ChannelActions::mixMonitorMute);
    actions.put(SETVAR, ChannelActions::setvar);
    actions.put(GETVAR, ChannelActions::getvar);
    return Map.copyOf(actions);
  }

  @Override
  public Future<?> start() {
    List<Future<Void>> registered = new ArrayList<>();
    ACTIONS.forEach(
        (address, prepare) -> {
          MessageConsumer<Object> consumer =
              vertx.eventBus().consumer(address, request -> handle(address, prepare, request));
          consumers.add(consumer);
          registered.add(consumer.completion());
        });
    return Future.all(registered);
  }

  @Override
  public Future<?> stop() {
    List<Future<Void>> unregistered = new ArrayList<>();
    consumers.forEach(consumer -> unregistered.add(consumer.unregister()));
    return Future.all(unregistered);
  }

  private void handle(
      String address, Function<AmiRequest, PreparedAction> prepare, Message<Object> request) {
    AmiClient client;
    PreparedAction prepared;
    try {
      if (!(request.body() instanceof JsonObject body)) {
        throw AmiRequest.invalid(address + ": the request must be a JSON object");
      }
      AmiRequest checked = new AmiRequest(address, body);
      client = server(checked);
      prepared = prepare.apply(checked);
      checkAsteriskLimits(address, prepared.action());
    } catch (SwitchboardException rejected) {
      request.fail(rejected.code().busFailureCode(), rejected.getMessage());
      return;
    }
    client
        .send(prepared.action())
        .onComplete(
            answered -> {
              if (answered.succeeded()) {
                request.reply(reply(client.serverId(), answered.result(), prepared));
              } else {
                fail(address, client.serverId(), request, answered.cause());
              }
            });
  }

  private AmiClient server(AmiRequest request) {
    String id = request.optionalText(AmiActionFields.SERVER);
    if (id == null) {
      if (clients.size() == 1) {
        return clients.values().iterator().next();
      }
      throw AmiRequest.invalid(
          request.address()
              + ": field 'server' is required when "
              + clients.size()
              + " AMI servers are configured ("
              + String.join(", ", clients.keySet())
              + ")");
    }
    AmiClient client = clients.get(id);
    if (client == null) {
      throw new SwitchboardException(
          ErrorCode.NOT_FOUND,
          request.address()
              + ": unknown AMI server '"
              + id
              + "'; configured: "
              + (clients.isEmpty() ? "none" : String.join(", ", clients.keySet())));
    }
    return client;
  }

  private static void checkAsteriskLimits(String address, AmiMessage action) {
    if (action.size() + 1 > MAX_HEADERS) {
      throw AmiRequest.invalid(
          address + ": the action would have more than " + MAX_HEADERS + " AMI headers");
    }
    for (int i = 0; i < action.size(); i++) {
      int bytes =
          action.keyAt(i).length() + 2 + action.valueAt(i).getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_LINE_BYTES) {
        throw AmiRequest.invalid(
            address
                + ": AMI header "
                + action.keyAt(i)
                + " would be "
                + bytes
                + " bytes long; Asterisk drops lines over "
                + MAX_LINE_BYTES);
      }
    }
  }

  private static JsonObject reply(String server, AmiReply reply, PreparedAction prepared) {
    JsonObject json =
        new JsonObject()
            .put(AmiActionFields.SERVER, server)
            .put(AmiActionFields.ACTION_ID, reply.actionId());
    if (reply.message() != null) {
      json.put(AmiActionFields.MESSAGE, reply.message());
    }
    prepared.replyFields().accept(reply, json);
    return json;
  }

  private static void fail(String address, String server, Message<Object> request, Throwable why) {
    if (why instanceof SwitchboardException coded) {
      request.fail(coded.code().busFailureCode(), coded.getMessage());
      return;
    }
    LOG.error("{} on AMI server {} failed unexpectedly", address, server, why);
    request.fail(ErrorCode.INTERNAL.busFailureCode(), address + " failed on AMI server " + server);
  }
}
