package io.switchboard.pbxsim;

import io.switchboard.pbxsim.model.CallBehaviour;
import io.switchboard.pbxsim.model.Channel;
import io.switchboard.pbxsim.model.OriginateScript;
import io.switchboard.pbxsim.model.PbxModel;
import io.switchboard.pbxsim.server.FrameTap;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Function;

/**
 * A simulated Asterisk to embed in tests and tools: {@code PbxSimulator.start(vertx, settings)}
 * listens for AMI clients, and its methods drive calls deterministically (place, answer, hang up,
 * abandon, move the manual clock) or break the connection (stop accepting and drop every client,
 * then resume). Thread-safe: every method hops onto the simulator's own context and answers with a
 * Future.
 */
public final class PbxSimulator {

  private final Vertx vertx;
  private final String deploymentId;
  private final PbxSimVerticle verticle;
  private final Context context;
  private final int port;

  private PbxSimulator(
      Vertx vertx, String deploymentId, PbxSimVerticle verticle, Context context, int port) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.verticle = verticle;
    this.context = context;
    this.port = port;
  }

  /** Starts a simulator; completes once it listens. */
  public static Future<PbxSimulator> start(Vertx vertx, PbxSimSettings settings) {
    PbxSimVerticle verticle = new PbxSimVerticle(settings);
    return vertx
        .deployVerticle(verticle)
        .map(
            id ->
                new PbxSimulator(
                    vertx, id, verticle, verticle.ownContext(), verticle.server().port()));
  }

  /** The port the manager listens on. */
  public int port() {
    return port;
  }

  public Future<Void> close() {
    return vertx.undeploy(deploymentId);
  }

  /** Runs {@code work} on the simulator's context with the model (tests reading state). */
  public <T> Future<T> onModel(Function<PbxModel, T> work) {
    Promise<T> result = Promise.promise();
    context.runOnContext(
        v -> {
          try {
            result.complete(work.apply(verticle.model()));
          } catch (RuntimeException e) {
            result.fail(e);
          }
        });
    return result.future();
  }

  /** A call from the trunk into {@code queue}; completes with the caller's channel. */
  public Future<InboundCall> placeInboundCall(
      String queue, String callerNumber, CallBehaviour behaviour) {
    return onModel(
        m -> {
          Channel c = m.placeInboundCall(queue, callerNumber, null, behaviour);
          return new InboundCall(c.name(), c.uniqueid());
        });
  }

  /** An internal phone dials another extension directly. */
  public Future<InboundCall> placeDirectCall(
      String fromExten, String toExten, CallBehaviour behaviour) {
    return onModel(
        m -> {
          Channel c = m.placeDirectCall(fromExten, toExten, behaviour);
          return new InboundCall(c.name(), c.uniqueid());
        });
  }

  /** The phone behind {@code iface} (e.g. {@code PJSIP/1001}) answers what rings it. */
  public Future<Boolean> answer(String iface) {
    return onModel(m -> m.answer(iface));
  }

  /** The far end of a channel hangs up (the caller, or the agent's phone). */
  public Future<Boolean> hangup(String channelName) {
    return onModel(m -> m.remoteHangup(channelName));
  }

  /** The agent's phone puts the other party on hold, or takes it off. */
  public Future<Boolean> hold(String channelName, boolean on) {
    return onModel(m -> m.hold(channelName, on));
  }

  /** The next Originate to {@code dialString} meets this far end. */
  public Future<Void> scriptOriginate(String dialString, OriginateScript script) {
    return onModel(
        m -> {
          m.originate().script(dialString, script);
          return null;
        });
  }

  /** Moves the manual clock forward, running everything that falls due. */
  public Future<Void> advance(Duration by) {
    return onModel(
        m -> {
          if (verticle.manualScheduler() == null) {
            throw new IllegalStateException(
                "advance needs the manual clock (PbxSimSettings.manualClock)");
          }
          verticle.manualScheduler().advance(by.toMillis());
          return null;
        });
  }

  /** Stops listening and closes every session, as a crashed or restarting Asterisk looks. */
  public Future<Void> stopAcceptingAndDropClients() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> verticle.server().stopAcceptingAndDropClients().onComplete(done));
    return done.future();
  }

  /** Listens again on the same port; state (calls, queues) carried over, as after a network cut. */
  public Future<Integer> resumeAccepting() {
    Promise<Integer> done = Promise.promise();
    context.runOnContext(v -> verticle.server().resumeAccepting().onComplete(done));
    return done.future();
  }

  /**
   * Sets (or with null removes) a tap told, on the simulator's context, of every event frame right
   * after it was handed to a session's socket (see {@link FrameTap} for the exact moment).
   */
  public Future<Void> frameTap(FrameTap tap) {
    return onModel(
        m -> {
          verticle.server().frameTap(tap);
          return null;
        });
  }

  /** Sessions dropped because they stopped reading. */
  public Future<Long> slowSessionsDropped() {
    return onModel(m -> verticle.server().slowSessionsDropped());
  }

  /** Calls the traffic generator placed so far. */
  public Future<Long> callsGenerated() {
    return onModel(m -> verticle.traffic().placed());
  }

  /** A call the simulator placed: its first channel. */
  public record InboundCall(String channel, String uniqueid) {}
}
