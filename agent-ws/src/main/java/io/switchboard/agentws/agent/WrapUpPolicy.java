package io.switchboard.agentws.agent;

import java.time.Duration;
import java.util.Map;

/** The wrap-up rule of each queue, with a default for queues not named. Immutable. */
public record WrapUpPolicy(WrapUpRule defaults, Map<String, WrapUpRule> perQueue) {

  /** 30 s of wrap-up, then ready. */
  public static final WrapUpPolicy DEFAULT =
      new WrapUpPolicy(new WrapUpRule(Duration.ofSeconds(30), true), Map.of());

  public WrapUpPolicy {
    perQueue = Map.copyOf(perQueue);
  }

  /** The rule after a call from {@code queue} (null: a call from no queue). */
  public WrapUpRule forQueue(String queue) {
    return queue == null ? defaults : perQueue.getOrDefault(queue, defaults);
  }
}
