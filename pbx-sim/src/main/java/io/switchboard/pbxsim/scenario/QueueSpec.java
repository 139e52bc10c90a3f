package io.switchboard.pbxsim.scenario;

import io.switchboard.pbxsim.model.QueueStrategy;
import java.util.List;

/**
 * One queue of the scenario ({@code queues.conf} names and defaults: timeout 15 s, retry 5 s,
 * wrapuptime 0, servicelevel 60 s).
 */
public record QueueSpec(
    String name,
    String strategy,
    Integer timeout,
    Integer retry,
    Integer wrapuptime,
    Integer servicelevel,
    List<MemberSpec> members) {

  public QueueSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("every queue needs a name");
    }
    QueueStrategy.parse(strategy == null ? "ringall" : strategy);
    members = members == null ? List.of() : List.copyOf(members);
    if (timeout != null && timeout <= 0) {
      throw new IllegalArgumentException("queue " + name + ": timeout must be positive");
    }
  }

  public QueueStrategy strategyValue() {
    return QueueStrategy.parse(strategy == null ? "ringall" : strategy);
  }

  public int timeoutValue() {
    return timeout == null ? 15 : timeout;
  }

  public int retryValue() {
    return retry == null ? 5 : retry;
  }

  public int wrapupValue() {
    return wrapuptime == null ? 0 : wrapuptime;
  }

  public int serviceLevelValue() {
    return servicelevel == null ? 60 : servicelevel;
  }
}
