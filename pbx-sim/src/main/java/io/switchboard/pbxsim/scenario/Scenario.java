package io.switchboard.pbxsim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A simulated call center: the trunk inbound calls arrive on, the queues and their members, the
 * traffic profile, originate outcomes and the contexts that run AMD. Immutable; read from YAML or
 * JSON by {@link ScenarioParser}.
 */
public record Scenario(
    String trunk,
    List<QueueSpec> queues,
    TrafficSpec traffic,
    OriginateSpec originate,
    List<String> amdContexts) {

  public Scenario {
    trunk = trunk == null || trunk.isBlank() ? "trunk" : trunk;
    queues = queues == null ? List.of() : List.copyOf(queues);
    traffic = traffic == null ? TrafficSpec.defaults() : traffic;
    originate = originate == null ? OriginateSpec.defaults() : originate;
    amdContexts = amdContexts == null ? List.of("dialer-amd", "amd") : List.copyOf(amdContexts);
    Set<String> names = new HashSet<>();
    for (QueueSpec q : queues) {
      if (!names.add(q.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("queue '" + q.name() + "' is defined twice");
      }
    }
    for (String q : traffic.queues().keySet()) {
      if (!names.contains(q.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "traffic names queue '" + q + "', which the scenario does not define");
      }
    }
  }

  /** Queues {@code support} (ringall) and {@code sales} (leastrecent), five PJSIP members each. */
  public static Scenario builtIn() {
    return new Scenario(
        "trunk",
        List.of(queue("support", "ringall", 1001), queue("sales", "leastrecent", 1006)),
        TrafficSpec.defaults(),
        OriginateSpec.defaults(),
        null);
  }

  private static QueueSpec queue(String name, String strategy, int firstExten) {
    List<MemberSpec> members = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int exten = firstExten + i;
      members.add(new MemberSpec("PJSIP/" + exten, "Agent " + exten, 0, false, null));
    }
    return new QueueSpec(name, strategy, 15, 5, 0, 60, members);
  }

  public Scenario withTraffic(TrafficSpec t) {
    return new Scenario(trunk, queues, t, originate, amdContexts);
  }
}
