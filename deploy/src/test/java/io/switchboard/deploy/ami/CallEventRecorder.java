package io.switchboard.deploy.ami;

import io.switchboard.core.call.CallAddresses;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens to the call lifecycle events the bridge publishes and keeps, per Linkedid, the addresses
 * in the order they arrived. All consumers share one context, so events published one after the
 * other by a tracker arrive in that order.
 */
final class CallEventRecorder {

  private static final List<String> ADDRESSES =
      List.of(
          CallAddresses.CALL_CREATED,
          CallAddresses.CALL_QUEUED,
          CallAddresses.CALL_OFFERED,
          CallAddresses.CALL_ANSWERED,
          CallAddresses.CALL_TRANSFERRED,
          CallAddresses.CALL_ENDED);

  private final Map<String, List<String>> byLinkedId = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> ended = new ConcurrentHashMap<>();

  /** Registers the consumers; completes once they are all in place. */
  static Future<CallEventRecorder> listen(Vertx vertx) {
    CallEventRecorder recorder = new CallEventRecorder();
    Context context = vertx.getOrCreateContext();
    Promise<CallEventRecorder> ready = Promise.promise();
    context.runOnContext(
        v -> {
          List<Future<Void>> registered = new ArrayList<>();
          for (String address : ADDRESSES) {
            registered.add(
                vertx
                    .eventBus()
                    .<JsonObject>consumer(address, m -> recorder.record(address, m.body()))
                    .completion());
          }
          Future.all(registered).map(recorder).onComplete(ready);
        });
    return ready.future();
  }

  private void record(String address, JsonObject body) {
    String linkedId = body.getString("linkedId");
    byLinkedId.computeIfAbsent(linkedId, k -> new ArrayList<>());
    // One context delivers them all, one at a time; the map makes them visible to the test.
    byLinkedId.compute(
        linkedId,
        (k, list) -> {
          List<String> copy = new ArrayList<>(list);
          copy.add(address);
          return copy;
        });
    if (address.equals(CallAddresses.CALL_ENDED)) {
      ended.put(linkedId, body);
    }
  }

  /** The addresses of the events about a call, in arrival order. */
  List<String> eventsOf(String linkedId) {
    return byLinkedId.getOrDefault(linkedId, List.of());
  }

  /** The {@code call.ended} body of a call, or null. */
  JsonObject endedOf(String linkedId) {
    return ended.get(linkedId);
  }
}
