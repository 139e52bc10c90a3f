package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.pbxsim.PbxSimSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;

/**
 * A call model on a manual clock with every event recorded, loaded like the built-in scenario
 * (support: ringall PJSIP/1001-1005, sales: leastrecent PJSIP/1006-1010) plus a queue {@code local}
 * whose members are Local channels.
 */
final class ModelHarness {

  final ManualScheduler clock = new ManualScheduler(PbxSimSettings.DEFAULT_START_MILLIS);
  final List<AmiMessage> events = new ArrayList<>();
  final PbxModel model = new PbxModel(clock, events::add, new SplittableRandom(7), 0);
  final ModelActions actions = new ModelActions(model);

  ModelHarness() {
    model.addQueue("support", QueueStrategy.RINGALL, 15, 5, 0, 60);
    model.addQueue("sales", QueueStrategy.LEASTRECENT, 15, 5, 0, 60);
    model.addQueue("rr", QueueStrategy.RRMEMORY, 15, 5, 0, 60);
    model.addQueue("local", QueueStrategy.RINGALL, 15, 5, 0, 60);
    for (int i = 1001; i <= 1005; i++) {
      model.addStaticMember("support", "PJSIP/" + i, "Agent " + i, null, 0, false);
    }
    for (int i = 1006; i <= 1010; i++) {
      model.addStaticMember("sales", "PJSIP/" + i, "Agent " + i, null, 0, false);
    }
    for (int i = 1011; i <= 1013; i++) {
      model.addStaticMember("rr", "PJSIP/" + i, "Agent " + i, null, 0, false);
    }
    model.addStaticMember("local", "Local/1020@from-queue", "Agent 1020", null, 0, false);
    model.addStaticMember("local", "Local/1021@from-queue/n", "Agent 1021", null, 0, true);
  }

  /** Runs an action; returns the replies (response, list items). */
  List<AmiMessage> action(AmiMessage.Builder action) {
    List<AmiMessage> replies = new ArrayList<>();
    CompletionStage<Void> done =
        actions.handle(action.with("ActionID", "a1").build(), replies::add);
    done.toCompletableFuture().isDone();
    return replies;
  }

  List<String> names() {
    return events.stream().map(AmiMessage::name).toList();
  }

  /** Event names from index {@code from} on. */
  List<String> namesFrom(int from) {
    return events.subList(from, events.size()).stream().map(AmiMessage::name).toList();
  }

  List<AmiMessage> named(String name) {
    return events.stream().filter(e -> e.isEvent(name)).toList();
  }

  void clear() {
    events.clear();
  }
}
