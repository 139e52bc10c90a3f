package io.switchboard.ami.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.testpeer.OnContext;
import io.switchboard.ami.testpeer.PeerSession;
import io.switchboard.ami.testpeer.ScriptedAmiPeer;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Correlation, lists, Asterisk errors, timeouts and limits, against a real TCP peer. */
@ExtendWith(VertxExtension.class)
class AmiConnectionTest {

  private Vertx vertx;
  private ScriptedAmiPeer peer;
  private OnContext loop;
  private final RecordingConnectionListener listener = new RecordingConnectionListener();

  @BeforeEach
  void startPeer(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    this.loop = new OnContext(vertx.getOrCreateContext());
    ScriptedAmiPeer.start(vertx)
        .onComplete(
            ctx.succeeding(
                started -> {
                  peer = started;
                  ctx.completeNow();
                }));
  }

  @AfterEach
  void stopPeer(VertxTestContext ctx) {
    peer.close().onComplete(ctx.succeedingThenComplete());
  }

  private Future<AmiConnection> open(AmiConnectionOptions options) {
    return loop.call(
            () -> new AmiConnector(vertx, options).connect("127.0.0.1", peer.port(), listener))
        .map(AmiConnected::connection);
  }

  private Future<AmiReply> send(AmiConnection connection, AmiMessage action) {
    return loop.call(() -> connection.send(action));
  }

  private static AmiMessage action(String name) {
    return AmiMessage.action(name).build();
  }

  @Test
  void eachActionGetsTheAnswerCarryingItsActionIdEvenWhenAnswersComeInReverse(
      VertxTestContext ctx) {
    List<AmiMessage> held = new CopyOnWriteArrayList<>();
    peer.on(
        "Ping",
        (session, ping) -> {
          held.add(ping);
          if (held.size() == 2) {
            session.reply(held.get(1), "Success", "Ping", "Pong", "Timestamp", "second");
            session.reply(held.get(0), "Success", "Ping", "Pong", "Timestamp", "first");
          }
        });

    open(AmiConnectionOptions.defaults())
        .compose(
            connection -> {
              Future<AmiReply> first = send(connection, action("Ping"));
              Future<AmiReply> second = send(connection, action("Ping"));
              return Future.all(first, second)
                  .map(both -> List.of(first.result(), second.result()));
            })
        .onComplete(
            ctx.succeeding(
                replies ->
                    ctx.verify(
                        () -> {
                          assertThat(replies.get(0).response().get("Timestamp")).isEqualTo("first");
                          assertThat(replies.get(1).response().get("Timestamp"))
                              .isEqualTo("second");
                          assertThat(replies.get(0).actionId())
                              .isEqualTo(held.get(0).actionId())
                              .isNotEqualTo(replies.get(1).actionId());
                          assertThat(replies.get(0).isList()).isFalse();
                          ctx.completeNow();
                        })));
  }

  @Test
  void aListActionReturnsItsResponseItemsAndCompletionAsOneResultWhileOtherEventsPassThrough(
      VertxTestContext ctx) {
    peer.on(
        "CoreShowChannels",
        (session, action) -> {
          session.reply(action, "Success", "EventList", "start", "Message", "Channels will follow");
          session.send(channel(action, "PJSIP/100-00000001"));
          session.send(AmiMessage.event("Newchannel").with("Uniqueid", "1740666060.9").build());
          session.send(channel(action, "PJSIP/200-00000002"));
          session.send(
              AmiMessage.event("CoreShowChannelsComplete")
                  .with("ActionID", action.actionId())
                  .with("EventList", "complete")
                  .with("ListItems", "2")
                  .build());
          session.send(AmiMessage.event("Hangup").with("Uniqueid", "1740666060.9").build());
        });

    open(AmiConnectionOptions.defaults())
        .compose(connection -> send(connection, action("CoreShowChannels")))
        .onComplete(
            ctx.succeeding(
                reply ->
                    ctx.verify(
                        () -> {
                          assertThat(reply.message()).isEqualTo("Channels will follow");
                          assertThat(reply.items())
                              .extracting(item -> item.get("Channel"))
                              .containsExactly("PJSIP/100-00000001", "PJSIP/200-00000002");
                          assertThat(reply.completion().name())
                              .isEqualTo("CoreShowChannelsComplete");
                          assertThat(reply.isList()).isTrue();
                          assertThat(reply.cancelled()).isFalse();
                          assertThat(listener.names()).startsWith("Newchannel");
                          ctx.completeNow();
                        })));
  }

  private static AmiMessage channel(AmiMessage action, String name) {
    return AmiMessage.event("CoreShowChannel")
        .with("ActionID", action.actionId())
        .with("Channel", name)
        .build();
  }

  @Test
  void aCancelledListEndsTheResultAndSaysSo(VertxTestContext ctx) {
    peer.on(
        "QueueStatus",
        (session, action) -> {
          session.reply(action, "Success", "EventList", "start");
          session.send(
              AmiMessage.event("QueueStatusComplete")
                  .with("ActionID", action.actionId())
                  .with("EventList", "cancelled")
                  .build());
        });

    open(AmiConnectionOptions.defaults())
        .compose(connection -> send(connection, action("QueueStatus")))
        .onComplete(
            ctx.succeeding(
                reply ->
                    ctx.verify(
                        () -> {
                          assertThat(reply.cancelled()).isTrue();
                          assertThat(reply.items()).isEmpty();
                          ctx.completeNow();
                        })));
  }

  @Test
  void anErrorResponseFailsTheActionWithAsterisksMessage(VertxTestContext ctx) {
    peer.on(
        "Hangup",
        (session, action) -> session.reply(action, "Error", "Message", "No such channel"));

    open(AmiConnectionOptions.defaults())
        .compose(
            connection ->
                send(connection, AmiMessage.action("Hangup").with("Channel", "SIP/x").build()))
        .onComplete(
            ctx.failing(
                failed ->
                    ctx.verify(
                        () -> {
                          assertThat(failed)
                              .isInstanceOf(AmiActionException.class)
                              .hasMessage("Asterisk refused Hangup: No such channel");
                          assertThat(((AmiActionException) failed).code())
                              .isEqualTo(ErrorCode.CONFLICT);
                          assertThat(((AmiActionException) failed).asteriskMessage())
                              .isEqualTo("No such channel");
                          ctx.completeNow();
                        })));
  }

  @Test
  void anUnansweredActionTimesOutAndItsLateAnswerIsDroppedWithoutHarm(VertxTestContext ctx) {
    List<PeerSession> sessions = new CopyOnWriteArrayList<>();
    List<AmiMessage> late = new CopyOnWriteArrayList<>();
    peer.on(
        "QueueStatus",
        (session, action) -> {
          sessions.add(session);
          late.add(action);
        });
    AmiConnectionOptions options =
        AmiConnectionOptions.defaults().withActionTimeout(Duration.ofMillis(200));

    open(options)
        .compose(
            connection ->
                send(connection, action("QueueStatus"))
                    .transform(
                        timedOut -> {
                          ctx.verify(
                              () ->
                                  assertThat(timedOut.cause())
                                      .isInstanceOfSatisfying(
                                          SwitchboardException.class,
                                          e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT))
                                      .hasMessageContaining("QueueStatus (ActionID ")
                                      .hasMessageEndingWith("within 200 ms"));
                          // The late list arrives; its items must not pass for live events.
                          sessions
                              .get(0)
                              .list(
                                  late.get(0),
                                  "Queue status will follow",
                                  "QueueStatusComplete",
                                  List.of(AmiMessage.event("QueueMember").build()));
                          sessions.get(0).send(AmiMessage.event("FullyBooted").build());
                          return send(connection, action("Ping"));
                        }))
        .onComplete(
            ctx.succeeding(
                pong ->
                    ctx.verify(
                        () -> {
                          assertThat(pong.response().get("Ping")).isEqualTo("Pong");
                          assertThat(listener.names()).containsExactly("FullyBooted");
                          ctx.completeNow();
                        })));
  }

  @Test
  void anActionBeyondThePendingLimitFailsAtOnceAndTheOthersStillWait(VertxTestContext ctx) {
    peer.silence("Status");
    AmiConnectionOptions options = AmiConnectionOptions.defaults().withMaxPendingActions(3);

    open(options)
        .compose(
            connection ->
                loop.call(
                    () -> {
                      for (int i = 0; i < 3; i++) {
                        connection.send(action("Status"));
                      }
                      return connection
                          .send(action("Status"))
                          .transform(
                              refused -> {
                                ctx.verify(
                                    () -> {
                                      assertThat(refused.cause())
                                          .isInstanceOfSatisfying(
                                              SwitchboardException.class,
                                              e ->
                                                  assertThat(e.code())
                                                      .isEqualTo(ErrorCode.RATE_LIMITED))
                                          .hasMessageContaining("3 actions already wait")
                                          .hasMessageContaining("(limit 3)");
                                      assertThat(connection.pendingActions()).isEqualTo(3);
                                    });
                                return Future.succeededFuture();
                              });
                    }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void originateResponseIsAnEventForTheListenerNotTheAnswerToTheOriginate(VertxTestContext ctx) {
    peer.on(
        "Originate",
        (session, action) -> {
          // A fast failure can reach the wire before the ack (fast_originate runs in a thread).
          session.send(originateResponse(action, "Failure", "0"));
          session.reply(action, "Success", "Message", "Originate successfully queued");
          session.send(originateResponse(action, "Success", "4"));
        });

    open(AmiConnectionOptions.defaults())
        .compose(
            connection ->
                send(
                        connection,
                        AmiMessage.action("Originate")
                            .with("Channel", "PJSIP/100")
                            .with("Application", "Playback")
                            .with("Async", "true")
                            .build())
                    // A round trip, so that every event sent before it has been delivered.
                    .compose(reply -> send(connection, action("Ping")).map(reply)))
        .onComplete(
            ctx.succeeding(
                reply ->
                    ctx.verify(
                        () -> {
                          assertThat(reply.message()).isEqualTo("Originate successfully queued");
                          assertThat(listener.events)
                              .extracting(e -> e.get("Reason"))
                              .containsExactly("0", "4");
                          assertThat(listener.events)
                              .allSatisfy(
                                  e -> {
                                    assertThat(e.name()).isEqualTo("OriginateResponse");
                                    assertThat(e.actionId()).isEqualTo(reply.actionId());
                                  });
                          ctx.completeNow();
                        })));
  }

  private static AmiMessage originateResponse(AmiMessage action, String response, String reason) {
    return AmiMessage.event("OriginateResponse")
        .with("Privilege", "call,all")
        .with("ActionID", action.actionId())
        .with("Response", response)
        .with("Channel", "PJSIP/100")
        .with("Reason", reason)
        .with("Uniqueid", "<unknown>")
        .build();
  }
}
