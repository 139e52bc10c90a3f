package io.switchboard.deploy.bench;

import io.switchboard.pbxsim.model.CallBehaviour;
import io.switchboard.pbxsim.scenario.OriginateSpec;
import io.switchboard.pbxsim.scenario.QueueSpec;
import io.switchboard.pbxsim.scenario.Scenario;
import io.switchboard.pbxsim.scenario.TrafficSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The call center the screen-pop benchmark simulates: a few queues with no static members (each
 * agent joins one by {@code agent.login}, which sends {@code QueueAdd}), strategy {@code rrmemory}
 * so that each call rings exactly one free member, no queue wrap-up (the console's wrap-up pauses
 * the member instead); agent {@code i} has the phone {@code PJSIP/<10000 + i>}; callers are
 * customers' numbers {@code +86 138 NNNNNNNN}.
 */
final class BenchScenario {

  /** Members answer after this long and callers hang up this long after the answer. */
  static final CallBehaviour CALL = CallBehaviour.answeredAfter(500, 2_000);

  private BenchScenario() {}

  static Scenario queues(int queues) {
    List<QueueSpec> specs = new ArrayList<>();
    for (int q = 0; q < queues; q++) {
      specs.add(new QueueSpec(queue(q), "rrmemory", 15, 1, 0, 60, List.of()));
    }
    return new Scenario("carrier", specs, TrafficSpec.defaults(), OriginateSpec.defaults(), null);
  }

  static String queue(int index) {
    return "bench-" + (index + 1);
  }

  static String phone(int agent) {
    return "PJSIP/" + (10_000 + agent);
  }

  /** The caller number of customer {@code n} (1-based), as {@link CustomerSeeder} stores it. */
  static String callerNumber(long n) {
    return String.format(Locale.ROOT, "+86138%08d", n);
  }
}
