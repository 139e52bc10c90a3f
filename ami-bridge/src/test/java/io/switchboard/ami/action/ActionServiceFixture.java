package io.switchboard.ami.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.client.AmiClient;
import io.switchboard.ami.client.AmiClientVerticle;
import io.switchboard.ami.client.AmiSessionListener;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.testpeer.ScriptedAmiPeer;
import io.switchboard.core.config.AmiClientSettings;
import io.switchboard.core.config.AmiClientSettings.AuthType;
import io.switchboard.core.config.AmiServerSettings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Deploys logged-in AMI clients and the action service against a scripted peer. */
final class ActionServiceFixture {

  /** Plain login, and a short action timeout so that a timeout test stays short. */
  static final AmiClientSettings SETTINGS =
      new AmiClientSettings(
          AuthType.PLAIN,
          Duration.ofSeconds(30),
          Duration.ofMillis(300),
          Duration.ofMillis(20),
          Duration.ofMillis(100));

  private ActionServiceFixture() {}

  /**
   * Deploys a client per id (all on the peer at {@code port}), waits for their resync, then the
   * service.
   */
  static Future<Void> serve(Vertx vertx, int port, String... ids) {
    List<Future<Void>> loggedIn = new ArrayList<>();
    List<AmiClient> clients = new ArrayList<>();
    for (String id : ids) {
      Promise<Void> resynced = Promise.promise();
      AmiClient client =
          new AmiClient(
              vertx,
              new AmiServerSettings(id, "127.0.0.1", port, "switchboard", "mysecret"),
              SETTINGS,
              onResync(resynced),
              new SimpleMeterRegistry());
      clients.add(client);
      loggedIn.add(
          vertx.deployVerticle(new AmiClientVerticle(client)).compose(d -> resynced.future()));
    }
    return Future.all(loggedIn)
        .compose(all -> vertx.deployVerticle(new AmiActionVerticle(clients)))
        .mapEmpty();
  }

  static AmiSessionListener onResync(Promise<Void> resynced) {
    return new AmiSessionListener() {
      @Override
      public void onResync(String id, List<AmiMessage> channels, List<AmiMessage> queueStatus) {
        resynced.tryComplete();
      }

      @Override
      public void onEvent(String id, AmiMessage event) {}

      @Override
      public void onDisconnected(String id, String reason) {}
    };
  }

  static Future<JsonObject> request(Vertx vertx, String address, Object body) {
    return vertx.eventBus().<JsonObject>request(address, body).map(Message::body);
  }

  /** The last action of this name the peer's first session received. */
  static AmiMessage received(ScriptedAmiPeer peer, String name) {
    return receivedAll(peer, name).stream()
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("the peer received no " + name));
  }

  static List<AmiMessage> receivedAll(ScriptedAmiPeer peer, String name) {
    return peer.session(0).result().actions().stream()
        .filter(action -> action.name().equals(name))
        .toList();
  }

  /** Expects the reply to fail with this failure code and a message containing {@code message}. */
  static void expectFailure(VertxTestContext ctx, Future<?> reply, int code, String message) {
    reply.onComplete(
        ctx.failing(
            failed ->
                ctx.verify(
                    () -> {
                      assertThat(failed)
                          .isInstanceOfSatisfying(
                              ReplyException.class,
                              e -> assertThat(e.failureCode()).isEqualTo(code));
                      assertThat(failed.getMessage()).contains(message);
                      ctx.completeNow();
                    })));
  }
}
