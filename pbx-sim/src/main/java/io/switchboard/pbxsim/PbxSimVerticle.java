package io.switchboard.pbxsim;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.pbxsim.model.ManualScheduler;
import io.switchboard.pbxsim.model.ModelActions;
import io.switchboard.pbxsim.model.PbxModel;
import io.switchboard.pbxsim.model.SimScheduler;
import io.switchboard.pbxsim.replay.CaptureParser;
import io.switchboard.pbxsim.scenario.MemberSpec;
import io.switchboard.pbxsim.scenario.QueueSpec;
import io.switchboard.pbxsim.scenario.Scenario;
import io.switchboard.pbxsim.server.AmiServer;
import io.switchboard.pbxsim.server.AmiSessionHandle;
import io.switchboard.pbxsim.traffic.TrafficGenerator;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Owns one simulator run on its own context: the call model, the manager server, the traffic
 * generator and the capture replay. Everything here is touched only from that context; {@link
 * PbxSimulator} hops onto it for every call from outside.
 */
final class PbxSimVerticle extends VerticleBase {

  private final PbxSimSettings settings;
  private SimScheduler scheduler;
  private ManualScheduler manual;
  private PbxModel model;
  private AmiServer server;
  private TrafficGenerator traffic;
  private ModelActions actions;
  private List<AmiMessage> replayBlocks = List.of();

  PbxSimVerticle(PbxSimSettings settings) {
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    if (settings.manualClock()) {
      manual = new ManualScheduler(settings.startMillis());
      scheduler = manual;
    } else {
      scheduler = new VertxScheduler(context);
    }
    SplittableRandom root = new SplittableRandom(settings.seed());
    AmiServer[] serverRef = new AmiServer[1];
    model = new PbxModel(scheduler, event -> serverRef[0].broadcast(event), root.split(), 0);
    load(settings.scenario());
    traffic =
        new TrafficGenerator(model, scheduler, settings.scenario().traffic(), root.nextLong());
    model.originate().policy(d -> traffic.originateOutcome(settings.scenario().originate()));
    actions = new ModelActions(model);
    server = new AmiServer(vertx, settings.ami(), actions);
    serverRef[0] = server;
    List<AmiMessage> blocks = new ArrayList<>();
    for (String capture : settings.replay()) {
      blocks.addAll(CaptureParser.serverBlocks(capture));
    }
    replayBlocks = List.copyOf(blocks);
    if (!replayBlocks.isEmpty()) {
      server.onLogin(this::replay);
    }
    return server
        .start()
        .onSuccess(
            port -> {
              if (settings.trafficEnabled()) {
                traffic.start();
              }
            });
  }

  private void load(Scenario scenario) {
    model.setTrunkName(scenario.trunk());
    model.originate().amdContexts(new HashSet<>(scenario.amdContexts()));
    for (QueueSpec q : scenario.queues()) {
      model.addQueue(
          q.name(),
          q.strategyValue(),
          q.timeoutValue(),
          q.retryValue(),
          q.wrapupValue(),
          q.serviceLevelValue());
      for (MemberSpec m : q.members()) {
        model.addStaticMember(
            q.name(),
            m.iface(),
            m.name(),
            m.stateInterface(),
            m.penalty() == null ? 0 : m.penalty(),
            Boolean.TRUE.equals(m.paused()));
      }
    }
  }

  /** Sends the capture to one freshly logged-in session, block by block. */
  private void replay(AmiSessionHandle session) {
    replayFrom(session, 0);
  }

  private void replayFrom(AmiSessionHandle session, int index) {
    int i = index;
    while (i < replayBlocks.size() && session.open()) {
      session.send(replayBlocks.get(i++));
      if (settings.replayIntervalMillis() > 0 || (i - index) >= 500) {
        int from = i;
        vertx.setTimer(
            Math.max(1, settings.replayIntervalMillis()), t -> replayFrom(session, from));
        return;
      }
    }
  }

  @Override
  public Future<?> stop() {
    if (traffic != null) {
      traffic.stop();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }

  Context ownContext() {
    return context;
  }

  PbxModel model() {
    return model;
  }

  AmiServer server() {
    return server;
  }

  ManualScheduler manualScheduler() {
    return manual;
  }

  TrafficGenerator traffic() {
    return traffic;
  }

  ModelActions actions() {
    return actions;
  }
}
