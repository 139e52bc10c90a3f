package io.switchboard.agentws.call;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a transfer goes.
 *
 * @param kind an agent (by user id), a queue (by name) or a number
 * @param value the agent's user id in decimal, the queue's name, or the number in E.164
 */
public record TransferTarget(Kind kind, String value) {

  /** The kinds of target, as the console names them in {@code to.kind}. */
  public enum Kind {
    AGENT,
    QUEUE,
    NUMBER;

    /** The console's name of the kind. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TransferTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  /** The target agent's user id; only for {@link Kind#AGENT}. */
  public long agentUserId() {
    if (kind != Kind.AGENT) {
      throw new IllegalStateException("not an agent target: " + this);
    }
    return Long.parseLong(value);
  }
}
