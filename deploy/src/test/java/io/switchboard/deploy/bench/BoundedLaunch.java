package io.switchboard.deploy.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Starts {@code count} asynchronous steps with at most {@code inFlight} under way at once (the next
 * one starts when one completes), and completes with every result in index order, or fails with the
 * first failure once nothing is under way. Thread-safe: steps may complete on any thread.
 */
final class BoundedLaunch<T> {

  private final int count;
  private final IntFunction<Future<T>> step;
  private final List<T> results;
  private final Promise<List<T>> done = Promise.promise();
  private int next;
  private int running;
  private Throwable failure;

  private BoundedLaunch(int count, IntFunction<Future<T>> step) {
    this.count = count;
    this.step = step;
    this.results = new ArrayList<>(Collections.nCopies(count, null));
  }

  static <T> Future<List<T>> run(int count, int inFlight, IntFunction<Future<T>> step) {
    BoundedLaunch<T> launch = new BoundedLaunch<>(count, step);
    for (int i = 0; i < Math.max(1, inFlight); i++) {
      launch.startNext();
    }
    launch.finishIfDone();
    return launch.done.future();
  }

  private void startNext() {
    int index;
    synchronized (this) {
      if (next >= count || failure != null) {
        return;
      }
      index = next++;
      running++;
    }
    Future<T> started;
    try {
      started = step.apply(index);
    } catch (RuntimeException e) {
      started = Future.failedFuture(e);
    }
    started.onComplete(
        ar -> {
          synchronized (this) {
            running--;
            if (ar.succeeded()) {
              results.set(index, ar.result());
            } else if (failure == null) {
              failure = ar.cause();
            }
          }
          startNext();
          finishIfDone();
        });
  }

  private void finishIfDone() {
    synchronized (this) {
      if (running > 0 || (next < count && failure == null)) {
        return;
      }
    }
    if (failure != null) {
      done.tryFail(failure);
    } else {
      done.tryComplete(Collections.unmodifiableList(new ArrayList<>(results)));
    }
  }
}
