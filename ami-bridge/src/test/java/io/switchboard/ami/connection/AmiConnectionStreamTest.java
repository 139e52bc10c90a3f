package io.switchboard.ami.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.codec.AmiFrameEncoder;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.testpeer.OnContext;
import io.switchboard.ami.testpeer.ScriptedAmiPeer;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The read side: floods, slow listeners, broken framing, banners, limits. */
@ExtendWith(VertxExtension.class)
class AmiConnectionStreamTest {

  private static final int FLOOD = 20_000;

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

  private Future<AmiReply> send(AmiConnection connection, String action) {
    return loop.call(() -> connection.send(AmiMessage.action(action).build()));
  }

  private static byte[] events(int from, int to) {
    Buffer bytes = Buffer.buffer();
    IntStream.range(from, to)
        .forEach(
            n ->
                bytes.appendBytes(
                    AmiFrameEncoder.encode(
                        AmiMessage.event("VarSet")
                            .with("Privilege", "dialplan,all")
                            .with("Channel", "PJSIP/100-00000001")
                            .with("Variable", "SEQ")
                            .with("Value", String.valueOf(n))
                            .build())));
    return bytes.getBytes();
  }

  @Test
  void aFloodOfEventsIsDeliveredInWireOrderAndAnAnswerInTheMiddleIsNotHeldUp(VertxTestContext ctx) {
    Promise<Void> allDelivered = Promise.promise();
    listener.onEach(
        event -> {
          if (listener.events.size() == 2 * FLOOD) {
            allDelivered.tryComplete();
          }
        });
    byte[] before = events(0, FLOOD);
    byte[] after = events(FLOOD, 2 * FLOOD);
    peer.on(
        "Ping",
        (session, ping) -> {
          session.sendBytes(before);
          session.reply(ping, "Success", "Ping", "Pong");
          session.sendBytes(after);
        });

    open(AmiConnectionOptions.defaults())
        .compose(
            connection ->
                send(connection, "Ping")
                    .map(
                        pong -> {
                          // Everything before the answer on the wire was delivered before it.
                          ctx.verify(() -> assertThat(listener.events).hasSize(FLOOD));
                          return pong;
                        }))
        .compose(pong -> allDelivered.future())
        .onComplete(
            ctx.succeeding(
                done ->
                    ctx.verify(
                        () -> {
                          assertThat(listener.events)
                              .extracting(event -> Integer.parseInt(event.get("Value")))
                              .containsExactlyElementsOf(
                                  IntStream.range(0, 2 * FLOOD).boxed().toList());
                          ctx.completeNow();
                        })));
  }

  @Test
  void aListenerThatHoldsTheEventLoopIsCutOffAndItsConnectionClosed(VertxTestContext ctx) {
    listener.onEach(
        event -> {
          if (event.name().equals("Slow")) {
            long until = System.nanoTime() + Duration.ofMillis(120).toNanos();
            while (System.nanoTime() < until) {
              Thread.onSpinWait();
            }
          }
        });
    peer.silence("Status")
        .on(
            "Ping",
            (session, ping) -> {
              session.reply(ping, "Success", "Ping", "Pong");
              session.send(AmiMessage.event("Slow").build());
              session.send(AmiMessage.event("AfterSlow").build());
            });
    AmiConnectionOptions options =
        AmiConnectionOptions.defaults().withListenerBudget(Duration.ofMillis(50));

    open(options)
        .compose(
            connection -> {
              Future<AmiReply> waiting = send(connection, "Status");
              return send(connection, "Ping").compose(pong -> listener.closed()).map(waiting);
            })
        .onComplete(
            ctx.succeeding(
                waiting ->
                    ctx.verify(
                        () -> {
                          assertThat(listener.closed().result())
                              .contains("took")
                              .contains("Slow event (budget 50 ms)")
                              .contains("must not block");
                          assertThat(listener.names()).containsExactly("Slow");
                          assertThat(waiting.failed()).isTrue();
                          assertThat(waiting.cause())
                              .isInstanceOfSatisfying(
                                  SwitchboardException.class,
                                  e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
                          ctx.completeNow();
                        })));
  }

  @Test
  void aHeaderWithoutColonClosesTheConnectionAndFailsWhatWasPending(VertxTestContext ctx) {
    peer.on("Ping", (session, ping) -> session.sendRaw("this line has no colon\r\n\r\n"));
    assertProtocolErrorCloses(ctx, "AMI header line has no 'Key:' part");
  }

  @Test
  void aBareLineFeedFromTheServerClosesTheConnection(VertxTestContext ctx) {
    peer.on("Ping", (session, ping) -> session.sendRaw("Event: FullyBooted\nStatus: x\n\n"));
    assertProtocolErrorCloses(ctx, "bare LF");
  }

  private void assertProtocolErrorCloses(VertxTestContext ctx, String problem) {
    open(AmiConnectionOptions.defaults())
        .compose(connection -> send(connection, "Ping"))
        .onComplete(
            ctx.failing(
                failed ->
                    listener
                        .closed()
                        .onComplete(
                            ctx.succeeding(
                                reason ->
                                    ctx.verify(
                                        () -> {
                                          assertThat(failed)
                                              .hasMessageContaining("protocol error")
                                              .hasMessageContaining(problem);
                                          assertThat(reason)
                                              .startsWith("protocol error: ")
                                              .contains(problem);
                                          ctx.completeNow();
                                        })))));
  }

  @Test
  void aServerThatIsNotAnAsteriskManagerIsRefusedAtItsFirstLine(VertxTestContext ctx) {
    peer.banner("SSH-2.0-OpenSSH_9.6");

    open(AmiConnectionOptions.defaults())
        .onComplete(
            ctx.failing(
                failed ->
                    ctx.verify(
                        () -> {
                          assertThat(failed)
                              .hasMessageContaining("ended before its banner")
                              .hasMessageContaining("expected the AMI banner");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aBannerAndAnswerSplitAtEveryByteAreReadWhole(VertxTestContext ctx) {
    peer.dribble(1);

    open(AmiConnectionOptions.defaults())
        .compose(connection -> send(connection, "Ping"))
        .onComplete(
            ctx.succeeding(
                pong ->
                    ctx.verify(
                        () -> {
                          assertThat(pong.response().get("Ping")).isEqualTo("Pong");
                          assertThat(pong.response().get("Timestamp"))
                              .isEqualTo("1740666060.311000");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aClosedPortFailsTheConnectNamingTheServer(VertxTestContext ctx) throws Exception {
    // A port closed synchronously before the connect: closing the scripted peer's Vert.x server
    // completes before its socket is gone, so a connect right after it could still be accepted.
    int port;
    try (java.net.ServerSocket probe =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    io.vertx.core.Future.succeededFuture()
        .compose(
            closed ->
                loop.call(
                    () ->
                        new AmiConnector(vertx, AmiConnectionOptions.defaults())
                            .connect("127.0.0.1", port, listener)))
        .onComplete(
            ctx.failing(
                failed ->
                    ctx.verify(
                        () -> {
                          assertThat(failed)
                              .hasMessageStartingWith("cannot connect to AMI at 127.0.0.1:" + port);
                          ctx.completeNow();
                        })));
  }

  @Test
  void aListLongerThanItsLimitFailsAndItsRemainingItemsAreNotTakenForEvents(VertxTestContext ctx) {
    peer.on(
        "CoreShowChannels",
        (session, action) -> {
          session.list(
              action,
              "Channels will follow",
              "CoreShowChannelsComplete",
              IntStream.range(0, 5)
                  .mapToObj(n -> AmiMessage.event("CoreShowChannel").build())
                  .toList());
          session.send(AmiMessage.event("Newchannel").build());
        });
    AmiConnectionOptions options = AmiConnectionOptions.defaults().withMaxListItems(2);

    open(options)
        .compose(
            connection ->
                send(connection, "CoreShowChannels")
                    .transform(tooLong -> send(connection, "Ping").map(tooLong.cause())))
        .onComplete(
            ctx.succeeding(
                tooLong ->
                    ctx.verify(
                        () -> {
                          assertThat(tooLong)
                              .isInstanceOfSatisfying(
                                  SwitchboardException.class,
                                  e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE))
                              .hasMessageContaining("returned more than 2 items");
                          assertThat(listener.names()).containsExactly("Newchannel");
                          ctx.completeNow();
                        })));
  }

  @Test
  void anActionOnAClosedConnectionFailsAtOnceSayingWhyItClosed(VertxTestContext ctx) {
    open(AmiConnectionOptions.defaults())
        .compose(
            connection ->
                loop.call(
                    () ->
                        connection
                            .close("test is done")
                            .compose(closed -> connection.send(AmiMessage.action("Ping").build()))))
        .onComplete(
            ctx.failing(
                failed ->
                    ctx.verify(
                        () -> {
                          assertThat(failed)
                              .isInstanceOfSatisfying(
                                  SwitchboardException.class,
                                  e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                              .hasMessageContaining("Ping not sent")
                              .hasMessageContaining("(test is done)");
                          assertThat(listener.closed().result()).isEqualTo("test is done");
                          ctx.completeNow();
                        })));
  }
}
