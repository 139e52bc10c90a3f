package io.switchboard.agentws.testbus;

import io.switchboard.core.ami.AmiActionAddresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the AMI bridge's queue-member actions on the event bus as the bridge does (a success
 * reply, or a 409 failure carrying Asterisk's message), recording every request.
 */
public final class FakeAmiActions {

  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private final List<JsonObject> requests = new ArrayList<>();
  private final Map<String, String> refusals = new HashMap<>();
  private final Map<String, Runnable> beforeReplies = new HashMap<>();

  private FakeAmiActions() {}

  /** Starts answering on {@code bus}. */
  public static Future<FakeAmiActions> start(EventBus bus) {
    FakeAmiActions fake = new FakeAmiActions();
    for (String address :
        List.of(
            AmiActionAddresses.QUEUE_ADD,
            AmiActionAddresses.QUEUE_REMOVE,
            AmiActionAddresses.QUEUE_PAUSE)) {
      fake.consumers.add(
          bus.consumer(
              address,
              message -> {
                JsonObject request = message.body().copy().put("address", address);
                fake.requests.add(request);
                String refusal = fake.refusals.get(address + " " + request.getString("queue"));
                Runnable first = fake.beforeReplies.remove(address);
                if (first != null) {
                  first.run();
                }
                if (refusal != null) {
                  message.fail(409, refusal);
                } else {
                  message.reply(new JsonObject().put("server", "pbx1").put("actionId", "a-1"));
                }
              }));
    }
    return Future.all(fake.consumers.stream().map(MessageConsumer::completion).toList())
        .map(done -> fake);
  }

  /** From now on, {@code address} for {@code queue} fails with Asterisk's {@code message}. */
  public void refuse(String address, String queue, String message) {
    refusals.put(address + " " + queue, message);
  }

  /**
   * The next request to {@code address} runs {@code first} before it is answered, as the PBX's
   * event confirming an action can reach the node before the action's reply.
   */
  public void beforeReply(String address, Runnable first) {
    beforeReplies.put(address, first);
  }

  /** Every request so far, each with the address it came to under {@code address}. */
  public List<JsonObject> requests() {
    return List.copyOf(requests);
  }

  /** The requests to one address. */
  public List<JsonObject> requests(String address) {
    return requests.stream().filter(r -> r.getString("address").equals(address)).toList();
  }
}
