package io.switchboard.ami.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.testpeer.CaptureFile;
import io.switchboard.ami.testpeer.OnContext;
import io.switchboard.ami.testpeer.PeerSession;
import io.switchboard.ami.testpeer.ScriptedAmiPeer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays the real capture {@code queue-status-list-ast13-mixed.ami} (Asterisk 13; see
 * ami-captures/SOURCES.md): the client sends the capture's twelve actions at once (a {@code
 * Command}, six concurrent {@code QueueStatus} lists, five {@code ConfbridgeList}), and the peer
 * answers with the capture's server blocks, in capture order, with the capture's ActionIDs mapped
 * to the ones the connection chose.
 */
@ExtendWith(VertxExtension.class)
class AmiConnectionCaptureTest {

  private static final CaptureFile CAPTURE = CaptureFile.load("queue-status-list-ast13-mixed.ami");

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
                  replayOnceAllActionsArrived();
                  ctx.completeNow();
                }));
  }

  @AfterEach
  void stopPeer(VertxTestContext ctx) {
    peer.close().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void theCaptureLostThreeBlockEndsWhichTheReplayRestores() {
    assertThat(CAPTURE.repairedLines()).containsExactly(67, 86, 236);
    assertThat(CAPTURE.actions()).hasSize(12);
  }

  @Test
  void concurrentListsFromARealCaptureAreEachCollectedWhole(VertxTestContext ctx) {
    replay(ctx);
  }

  @Test
  void concurrentListsFromARealCaptureAreCollectedWholeWhenReadInThreeByteSlices(
      VertxTestContext ctx) {
    // 3-byte reads cut every line at each offset modulo 3; ~2,300 ticks keep the test short.
    peer.dribble(3);
    replay(ctx);
  }

  private void replay(VertxTestContext ctx) {
    List<AmiMessage> actions = CAPTURE.actions();
    loop.call(
            () ->
                new AmiConnector(vertx, AmiConnectionOptions.defaults())
                    .connect("127.0.0.1", peer.port(), listener))
        .compose(
            connected ->
                loop.call(
                    () -> {
                      List<Future<AmiReply>> replies = new ArrayList<>();
                      for (AmiMessage action : actions) {
                        replies.add(connected.connection().send(withoutActionId(action)));
                      }
                      return Future.join(replies)
                          .transform(done -> Future.succeededFuture(replies));
                    }))
        .onComplete(
            ctx.succeeding(
                replies ->
                    ctx.verify(
                        () -> {
                          assertCommandAnswered(replies.get(0));
                          int lists = 0;
                          int refusals = 0;
                          for (int i = 1; i < actions.size(); i++) {
                            AmiMessage action = actions.get(i);
                            Future<AmiReply> reply = replies.get(i);
                            if (action.name().equals("QueueStatus")) {
                              assertWholeList(action, reply.result());
                              lists++;
                            } else {
                              assertThat(reply.cause())
                                  .isInstanceOf(AmiActionException.class)
                                  .hasMessage(
                                      "Asterisk refused ConfbridgeList: No active conferences");
                              refusals++;
                            }
                          }
                          assertThat(lists).isEqualTo(6);
                          assertThat(refusals).isEqualTo(5);
                          assertThat(listener.events)
                              .as("no list item leaks as an event")
                              .isEmpty();
                          ctx.completeNow();
                        })));
  }

  private static void assertCommandAnswered(Future<AmiReply> reply) {
    assertThat(reply.succeeded()).as("Command answered: %s", reply.cause()).isTrue();
    assertThat(reply.result().response().name()).isEqualTo("Follows");
    assertThat(reply.result().response().get("Privilege")).isEqualTo("Command");
  }

  private static void assertWholeList(AmiMessage action, AmiReply reply) {
    assertThat(reply.isList()).isTrue();
    assertThat(reply.items())
        .hasSize(Integer.parseInt(reply.completion().get("ListItems")))
        .isNotEmpty()
        .allSatisfy(
            item -> {
              assertThat(item.actionId()).isEqualTo(reply.actionId());
              assertThat(item.get("Queue")).isEqualTo(action.get("Queue"));
            });
    assertThat(reply.items().get(0).name()).isEqualTo("QueueParams");
    assertThat(reply.completion().name()).isEqualTo("QueueStatusComplete");
  }

  private static AmiMessage withoutActionId(AmiMessage captured) {
    AmiMessage.Builder action = AmiMessage.action(captured.name());
    for (int i = 0; i < captured.size(); i++) {
      String key = captured.keyAt(i);
      if (!key.equalsIgnoreCase("ActionID") && !key.equalsIgnoreCase("Action")) {
        action.with(key, captured.valueAt(i));
      }
    }
    return action.build();
  }

  /**
   * Once the client has sent all the capture's actions, maps each captured ActionID to the one the
   * client used for the same action (same position, same headers) and streams the server blocks.
   */
  private void replayOnceAllActionsArrived() {
    List<AmiMessage> expected = CAPTURE.actions();
    List<AmiMessage> received = new CopyOnWriteArrayList<>();
    ScriptedAmiPeer.Script collect =
        (session, action) -> {
          received.add(action);
          if (received.size() == expected.size()) {
            stream(session, expected, received);
          }
        };
    peer.on("Command", collect).on("QueueStatus", collect).on("ConfbridgeList", collect);
  }

  private static void stream(
      PeerSession session, List<AmiMessage> expected, List<AmiMessage> received) {
    Map<String, String> ids = new HashMap<>();
    for (int i = 0; i < expected.size(); i++) {
      if (!withoutActionId(expected.get(i))
          .fields()
          .equals(withoutActionId(received.get(i)).fields())) {
        throw new AssertionError("action " + i + " differs: " + received.get(i));
      }
      ids.put(expected.get(i).actionId(), received.get(i).actionId());
    }
    for (AmiMessage block : CAPTURE.serverBlocks()) {
      session.send(
          CaptureFile.withActionId(block, captured -> ids.getOrDefault(captured, captured)));
    }
  }
}
