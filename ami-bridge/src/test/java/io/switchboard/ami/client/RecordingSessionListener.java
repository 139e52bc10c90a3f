package io.switchboard.ami.client;

import io.switchboard.ami.codec.AmiMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Keeps every call the client makes, in order, and lets tests wait for a state of that record. */
final class RecordingSessionListener implements AmiSessionListener {

  /** One call: {@code resync}, {@code event} or {@code disconnected}. */
  record Call(
      String kind,
      String serverId,
      List<AmiMessage> channels,
      List<AmiMessage> queueStatus,
      AmiMessage event,
      String reason) {

    /**
     * A short form for sequence assertions: {@code resync}, the event name, {@code disconnected}.
     */
    String label() {
      return kind.equals("event") ? event.name() : kind;
    }
  }

  private record Waiter(Predicate<List<Call>> condition, Promise<List<Call>> promise) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  /** An event name whose delivery throws after being recorded, as a buggy tracker would. */
  volatile String throwOn = "";

  @Override
  public void onResync(String serverId, List<AmiMessage> channels, List<AmiMessage> queueStatus) {
    add(new Call("resync", serverId, channels, queueStatus, null, null));
  }

  @Override
  public void onEvent(String serverId, AmiMessage event) {
    add(new Call("event", serverId, null, null, event, null));
    if (event.name().equals(throwOn)) {
      throw new IllegalStateException("listener bug on " + event.name());
    }
  }

  @Override
  public void onDisconnected(String serverId, String reason) {
    add(new Call("disconnected", serverId, null, null, null, reason));
  }

  private void add(Call call) {
    calls.add(call);
    List<Call> now = List.copyOf(calls);
    for (Waiter waiter : waiters) {
      if (waiter.condition().test(now)) {
        waiter.promise().tryComplete(now);
        waiters.remove(waiter);
      }
    }
  }

  /** Completes once the calls so far satisfy {@code condition}. */
  Future<List<Call>> until(Predicate<List<Call>> condition) {
    Promise<List<Call>> promise = Promise.promise();
    waiters.add(new Waiter(condition, promise));
    List<Call> now = List.copyOf(calls);
    if (condition.test(now)) {
      promise.tryComplete(now);
    }
    return promise.future();
  }

  /** Completes once {@code count} calls of {@code kind} have been made. */
  Future<List<Call>> untilCount(String kind, int count) {
    return until(now -> now.stream().filter(c -> c.kind().equals(kind)).count() >= count);
  }

  List<String> labels() {
    return calls.stream().map(Call::label).toList();
  }
}
