package io.switchboard.ami.connection;

import io.switchboard.ami.codec.AmiMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Keeps what a connection delivers, for assertions; optionally runs code on each event. */
final class RecordingConnectionListener implements AmiConnectionListener {

  final List<AmiMessage> events = new CopyOnWriteArrayList<>();
  private final Promise<String> closed = Promise.promise();
  private volatile Consumer<AmiMessage> onEach = event -> {};

  RecordingConnectionListener onEach(Consumer<AmiMessage> action) {
    this.onEach = action;
    return this;
  }

  @Override
  public void onEvent(AmiMessage event) {
    events.add(event);
    onEach.accept(event);
  }

  @Override
  public void onClosed(String reason) {
    if (!closed.tryComplete(reason)) {
      throw new AssertionError("onClosed called twice: " + reason);
    }
  }

  Future<String> closed() {
    return closed.future();
  }

  List<String> names() {
    return events.stream().map(AmiMessage::name).toList();
  }
}
