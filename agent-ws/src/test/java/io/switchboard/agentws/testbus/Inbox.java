package io.switchboard.agentws.testbus;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Collects the {@code {type, data}} messages published to one console address, in order. */
public final class Inbox {

  private final List<JsonObject> received = new ArrayList<>();
  private final Deque<JsonObject> unread = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final MessageConsumer<JsonObject> consumer;

  private record Waiter(String type, Promise<JsonObject> promise) {}

  private Inbox(EventBus bus, String address) {
    consumer = bus.consumer(address, message -> arrive(message.body()));
  }

  /** Listens on {@code address}; the future completes once registered. */
  public static Future<Inbox> open(EventBus bus, String address) {
    Inbox inbox = new Inbox(bus, address);
    return inbox.consumer.completion().map(done -> inbox);
  }

  private void arrive(JsonObject message) {
    received.add(message);
    for (Waiter waiter : List.copyOf(waiters)) {
      if (waiter.type.equals(message.getString("type"))) {
        waiters.remove(waiter);
        waiter.promise.complete(message.getJsonObject("data"));
        return;
      }
    }
    unread.add(message);
  }

  /** The data of the next unread message of {@code type} (already arrived or still to come). */
  public Future<JsonObject> next(String type) {
    for (JsonObject message : unread) {
      if (type.equals(message.getString("type"))) {
        unread.remove(message);
        return Future.succeededFuture(message.getJsonObject("data"));
      }
    }
    Promise<JsonObject> promise = Promise.promise();
    waiters.add(new Waiter(type, promise));
    return promise.future();
  }

  /** Every message received so far, read or not. */
  public List<JsonObject> received() {
    return List.copyOf(received);
  }

  /** The types received so far, in order. */
  public List<String> types() {
    return received.stream().map(message -> message.getString("type")).toList();
  }
}
