package io.switchboard.pbxsim.model;

import java.util.PriorityQueue;

/**
 * A scheduler whose time moves only when told to: {@link #advance(long)} runs every task that falls
 * due, in due-time order (ties in scheduling order). Deterministic; not thread-safe (one owner).
 */
public final class ManualScheduler implements SimScheduler {

  /** Bounds one advance: a task that keeps rescheduling itself at 0 ms is a bug. */
  private static final int MAX_TASKS_PER_ADVANCE = 1_000_000;

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private long now;
  private long seq;

  public ManualScheduler(long startMillis) {
    this.now = startMillis;
  }

  @Override
  public long nowMillis() {
    return now;
  }

  @Override
  public Timer schedule(long delayMillis, Runnable task) {
    Task t = new Task(now + Math.max(0, delayMillis), seq++, task);
    tasks.add(t);
    return () -> t.cancelled = true;
  }

  /** Moves time forward by {@code millis}, running what falls due on the way. */
  public void advance(long millis) {
    long target = now + Math.max(0, millis);
    int ran = 0;
    while (!tasks.isEmpty() && tasks.peek().due <= target) {
      Task t = tasks.poll();
      now = Math.max(now, t.due);
      if (!t.cancelled) {
        t.task.run();
      }
      if (++ran > MAX_TASKS_PER_ADVANCE) {
        throw new IllegalStateException(
            "more than " + MAX_TASKS_PER_ADVANCE + " tasks in one advance");
      }
    }
    now = target;
  }

  /** Runs what is due now (0 ms tasks) without moving time. */
  public void runDue() {
    advance(0);
  }

  /** Tasks not yet run or cancelled. */
  public int pending() {
    return (int) tasks.stream().filter(t -> !t.cancelled).count();
  }

  private static final class Task {
    final long due;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Task(long due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }
  }
}
