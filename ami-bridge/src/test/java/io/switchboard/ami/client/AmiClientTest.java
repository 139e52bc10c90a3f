package io.switchboard.ami.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.testpeer.OnContext;
import io.switchboard.ami.testpeer.ScriptedAmiPeer;
import io.switchboard.core.config.AmiClientSettings;
import io.switchboard.core.config.AmiClientSettings.AuthType;
import io.switchboard.core.config.AmiServerSettings;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Login, resync, keep-alive, reconnect and stop, against a real TCP peer. */
@ExtendWith(VertxExtension.class)
class AmiClientTest {

  private static final AmiClientSettings PLAIN =
      new AmiClientSettings(
          AuthType.PLAIN,
          Duration.ofSeconds(30),
          Duration.ofSeconds(2),
          Duration.ofMillis(20),
          Duration.ofMillis(100));

  private Vertx vertx;
  private ScriptedAmiPeer peer;
  private AmiClient client;
  private String deployment;
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final RecordingSessionListener listener = new RecordingSessionListener();

  @BeforeEach
  void startPeer(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    ScriptedAmiPeer.start(vertx)
        .onComplete(
            ctx.succeeding(
                started -> {
                  peer = started;
                  ctx.completeNow();
                }));
  }

  /** The client's verticle is undeployed when the extension closes Vert.x after each test. */
  @AfterEach
  void stopPeer(VertxTestContext ctx) {
    peer.close().onComplete(ctx.succeedingThenComplete());
  }

  private Future<String> startClient(AmiClientSettings settings) {
    return startClient(settings, peer.port());
  }

  private Future<String> startClient(AmiClientSettings settings, int port) {
    AmiServerSettings server =
        new AmiServerSettings("pbx1", "127.0.0.1", port, "switchboard", "mysecret");
    client = new AmiClient(vertx, server, settings, listener, registry);
    return vertx
        .deployVerticle(new AmiClientVerticle(client))
        .map(
            id -> {
              deployment = id;
              return id;
            });
  }

  @Test
  void plainLoginSubscribesToTheEventClassesTheTrackerNeedsAndTheHealthCheckIsUp(
      VertxTestContext ctx) {
    startClient(PLAIN)
        .compose(started -> listener.untilCount("resync", 1))
        .compose(resynced -> untilState(AmiClientState.CONNECTED))
        .compose(connected -> client.healthCheck().check())
        .compose(up -> peer.session(0))
        .onComplete(
            ctx.succeeding(
                session ->
                    ctx.verify(
                        () -> {
                          AmiMessage login = session.actions().get(0);
                          assertThat(login.name()).isEqualTo("Login");
                          assertThat(login.get("Username")).isEqualTo("switchboard");
                          assertThat(login.get("Secret")).isEqualTo("mysecret");
                          assertThat(login.get("Events")).isEqualTo("call,agent,dialplan,system");
                          assertThat(login.actionId()).startsWith("pbx1-");
                          assertThat(session.actions())
                              .extracting(AmiMessage::name)
                              .containsExactly("Login", "CoreShowChannels", "QueueStatus");
                          assertThat(client.state()).isEqualTo(AmiClientState.CONNECTED);
                          assertThat(client.healthCheck().name()).isEqualTo("ami:pbx1");
                          ctx.completeNow();
                        })));
  }

  @Test
  void md5LoginSendsTheKeyOfChallengeAndSecretNeverTheSecretEvenWhenEveryByteArrivesAlone(
      VertxTestContext ctx) {
    peer.dribble(1);
    AmiClientSettings md5 =
        new AmiClientSettings(
            AuthType.MD5,
            PLAIN.pingInterval(),
            PLAIN.actionTimeout(),
            PLAIN.reconnectMinDelay(),
            PLAIN.reconnectMaxDelay());

    startClient(md5)
        .compose(started -> listener.until(calls -> calls.size() >= 2))
        .compose(resynced -> peer.session(0))
        .onComplete(
            ctx.succeeding(
                session ->
                    ctx.verify(
                        () -> {
                          AmiMessage challenge = session.actions().get(0);
                          AmiMessage login = session.actions().get(1);
                          assertThat(challenge.name()).isEqualTo("Challenge");
                          assertThat(challenge.get("AuthType")).isEqualTo("MD5");
                          assertThat(login.get("AuthType")).isEqualTo("MD5");
                          assertThat(login.get("Key"))
                              .isEqualTo("64a9dd58a0dc90a8f248ffa922086d3d");
                          assertThat(login.get("Secret")).isNull();
                          assertThat(listener.labels()).containsExactly("resync", "FullyBooted");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aRefusedLoginIsRetriedWithBackOffAndTheHealthCheckSaysWhy(VertxTestContext ctx) {
    peer.credentials("switchboard", "another-secret");

    startClient(PLAIN)
        .compose(started -> peer.session(2))
        .compose(third -> client.healthCheck().check())
        .onComplete(
            ctx.failing(
                down ->
                    ctx.verify(
                        () -> {
                          assertThat(down)
                              .hasMessageContaining("not logged in to 127.0.0.1:")
                              .hasMessageContaining("AMI login as 'switchboard' to 127.0.0.1:")
                              .hasMessageContaining("refused: Authentication failed");
                          assertThat(listener.calls).isEmpty();
                          assertThat(registry.get("switchboard.ami.reconnects").counter().count())
                              .isGreaterThanOrEqualTo(2);
                          ctx.completeNow();
                        })));
  }

  @Test
  void resyncComesBeforeTheEventsThatArrivedWhileItRanThenEventsFlowInWireOrder(
      VertxTestContext ctx) {
    List<AmiMessage> channels =
        List.of(
            AmiMessage.event("CoreShowChannel").with("Channel", "PJSIP/100-00000001").build(),
            AmiMessage.event("CoreShowChannel").with("Channel", "PJSIP/200-00000002").build());
    List<AmiMessage> queues =
        List.of(
            AmiMessage.event("QueueParams").with("Queue", "sales").build(),
            AmiMessage.event("QueueMember").with("Queue", "sales").build());
    peer.on(
            "CoreShowChannels",
            (session, action) -> {
              session.send(AmiMessage.event("Newchannel").with("Uniqueid", "1.1").build());
              session.list(action, "Channels will follow", "CoreShowChannelsComplete", channels);
            })
        .on(
            "QueueStatus",
            (session, action) -> {
              session.send(AmiMessage.event("Newstate").with("Uniqueid", "1.1").build());
              session.list(action, "Queue status will follow", "QueueStatusComplete", queues);
              session.send(AmiMessage.event("Hangup").with("Uniqueid", "1.1").build());
            });

    startClient(PLAIN)
        .compose(started -> listener.until(calls -> calls.size() >= 5))
        .onComplete(
            ctx.succeeding(
                calls ->
                    ctx.verify(
                        () -> {
                          assertThat(listener.labels())
                              .containsExactly(
                                  "resync", "FullyBooted", "Newchannel", "Newstate", "Hangup");
                          RecordingSessionListener.Call resync = calls.get(0);
                          assertThat(resync.serverId()).isEqualTo("pbx1");
                          assertThat(resync.channels())
                              .extracting(c -> c.get("Channel"))
                              .containsExactly("PJSIP/100-00000001", "PJSIP/200-00000002");
                          assertThat(resync.queueStatus())
                              .extracting(AmiMessage::name)
                              .containsExactly("QueueParams", "QueueMember");
                          ctx.completeNow();
                        })));
  }

  @Test
  void whenThePeerDropsTheSessionTheListenerHearsItAndTheClientReconnectsAndResyncs(
      VertxTestContext ctx) {
    startClient(PLAIN)
        .compose(started -> listener.untilCount("resync", 1))
        .compose(resynced -> peer.session(0))
        .compose(
            first -> {
              first.close();
              return listener.untilCount("resync", 2);
            })
        .onComplete(
            ctx.succeeding(
                calls ->
                    ctx.verify(
                        () -> {
                          assertThat(listener.labels())
                              .startsWith("resync", "FullyBooted", "disconnected", "resync");
                          assertThat(calls.get(2).reason())
                              .isEqualTo("the server closed the connection");
                          assertThat(peer.connections()).isEqualTo(2);
                          assertThat(registry.get("switchboard.ami.reconnects").counter().count())
                              .isEqualTo(1.0);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aPeerThatStopsAnsweringIsDeclaredDeadByTheKeepAlivePing(VertxTestContext ctx) {
    peer.silence("Ping");
    AmiClientSettings keepAlive =
        new AmiClientSettings(
            AuthType.PLAIN,
            Duration.ofMillis(100),
            Duration.ofMillis(300),
            Duration.ofMillis(20),
            Duration.ofMillis(100));

    startClient(keepAlive)
        .compose(started -> listener.untilCount("resync", 2))
        .compose(twice -> peer.session(0))
        .onComplete(
            ctx.succeeding(
                first ->
                    ctx.verify(
                        () -> {
                          RecordingSessionListener.Call lost =
                              listener.calls.stream()
                                  .filter(c -> c.kind().equals("disconnected"))
                                  .findFirst()
                                  .orElseThrow();
                          assertThat(lost.reason())
                              .isEqualTo(
                                  "no answer to the keep-alive Ping within 300 ms; the session is"
                                      + " stuck");
                          assertThat(first.actions()).extracting(AmiMessage::name).contains("Ping");
                          assertThat(first.isClosed()).isTrue();
                          ctx.completeNow();
                        })));
  }

  @Test
  void aProtocolErrorEndsTheSessionAndAFreshOneIsResynced(VertxTestContext ctx) {
    startClient(PLAIN)
        .compose(started -> listener.untilCount("resync", 1))
        .compose(resynced -> peer.session(0))
        .compose(
            first -> {
              first.sendRaw("Event: Broken\r\nno colon here\r\n\r\n");
              return listener.untilCount("resync", 2);
            })
        .onComplete(
            ctx.succeeding(
                calls ->
                    ctx.verify(
                        () -> {
                          assertThat(calls.get(2).kind()).isEqualTo("disconnected");
                          assertThat(calls.get(2).reason())
                              .startsWith("protocol error: AMI header line has no 'Key:' part");
                          ctx.completeNow();
                        })));
  }

  @Test
  void anActionWhileNotLoggedInFailsAsUnavailableNamingTheServerAndTheLastProblem(
      VertxTestContext ctx) {
    int closedPort = peer.port();
    peer.close()
        .compose(closed -> startClient(PLAIN, closedPort))
        .compose(started -> client.send(AmiMessage.action("Ping").build()))
        .onComplete(
            ctx.failing(
                failed ->
                    ctx.verify(
                        () -> {
                          assertThat(failed)
                              .isInstanceOfSatisfying(
                                  SwitchboardException.class,
                                  e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                              .hasMessageStartingWith("AMI server 'pbx1' is not connected (");
                          ctx.completeNow();
                        })));
  }

  @Test
  void anActionFromAnotherContextIsAnsweredOnThatContext(VertxTestContext ctx) {
    Context caller = vertx.getOrCreateContext();
    startClient(PLAIN)
        .compose(started -> listener.untilCount("resync", 1))
        .compose(
            resynced ->
                new OnContext(caller)
                    .call(
                        () ->
                            client
                                .send(AmiMessage.action("Ping").build())
                                .map(
                                    pong -> {
                                      ctx.verify(
                                          () ->
                                              assertThat(Vertx.currentContext()).isSameAs(caller));
                                      return pong;
                                    })))
        .onComplete(
            ctx.succeeding(
                pong ->
                    ctx.verify(
                        () -> {
                          assertThat(pong.response().get("Ping")).isEqualTo("Pong");
                          ctx.completeNow();
                        })));
  }

  @Test
  void stoppingLogsOffTellsTheListenerAndDoesNotReconnect(VertxTestContext ctx) {
    startClient(PLAIN)
        .compose(started -> listener.untilCount("resync", 1))
        .compose(resynced -> vertx.undeploy(deployment))
        .compose(stopped -> peer.session(0))
        .onComplete(
            ctx.succeeding(
                session ->
                    ctx.verify(
                        () -> {
                          assertThat(session.actions())
                              .extracting(AmiMessage::name)
                              .endsWith("Logoff");
                          assertThat(listener.calls.get(listener.calls.size() - 1).reason())
                              .isEqualTo("the client is stopping");
                          assertThat(client.state()).isEqualTo(AmiClientState.STOPPED);
                          assertThat(peer.connections()).isEqualTo(1);
                          ctx.completeNow();
                        })));
  }

  @Test
  void metricsShowTheStateActionsByResultAndEventsReceived(VertxTestContext ctx) {
    startClient(PLAIN)
        .compose(started -> listener.until(calls -> calls.size() >= 2))
        .onComplete(
            ctx.succeeding(
                calls ->
                    ctx.verify(
                        () -> {
                          assertThat(gauge("connected")).isEqualTo(1.0);
                          assertThat(gauge("disconnected")).isZero();
                          assertThat(
                                  registry
                                      .get("switchboard.ami.actions")
                                      .tags(
                                          "server", "pbx1", "action", "Login", "result", "success")
                                      .timer()
                                      .count())
                              .isEqualTo(1);
                          assertThat(
                                  registry
                                      .get("switchboard.ami.events.received")
                                      .tag("server", "pbx1")
                                      .counter()
                                      .count())
                              .isEqualTo(1.0);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aListenerThatThrowsLosesNeitherTheSessionNorLaterEvents(VertxTestContext ctx) {
    listener.throwOn = "FullyBooted";

    startClient(PLAIN)
        .compose(started -> listener.until(calls -> calls.size() >= 2))
        .compose(booted -> peer.session(0))
        .compose(
            session -> {
              session.send(AmiMessage.event("Newchannel").with("Uniqueid", "1.2").build());
              return listener.until(calls -> calls.size() >= 3);
            })
        .onComplete(
            ctx.succeeding(
                calls ->
                    ctx.verify(
                        () -> {
                          assertThat(listener.labels())
                              .containsExactly("resync", "FullyBooted", "Newchannel");
                          assertThat(client.state()).isEqualTo(AmiClientState.CONNECTED);
                          ctx.completeNow();
                        })));
  }

  /**
   * Waits until the client reaches {@code wanted}: the listener's resync call and the client's
   * state change happen on the client's context, not the test's, so they are read in turn.
   */
  private Future<Void> untilState(AmiClientState wanted) {
    io.vertx.core.Promise<Void> reached = io.vertx.core.Promise.promise();
    long timer =
        vertx.setPeriodic(
            5,
            tick -> {
              if (client.state() == wanted) {
                reached.tryComplete();
              }
            });
    return reached
        .future()
        .timeout(5, java.util.concurrent.TimeUnit.SECONDS)
        .eventually(() -> Future.succeededFuture(vertx.cancelTimer(timer)));
  }

  private double gauge(String state) {
    return registry
        .get("switchboard.ami.connection.state")
        .tags("server", "pbx1", "state", state)
        .gauge()
        .value();
  }
}
