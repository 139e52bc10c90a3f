package io.switchboard.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.pbxsim.model.CallBehaviour;
import io.switchboard.pbxsim.model.OriginateScript;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The simulator over real TCP, read by the real client-side codec. */
@ExtendWith(VertxExtension.class)
class PbxSimulatorIT {

  private final List<PbxSimulator> started = new java.util.ArrayList<>();

  private Future<PbxSimulator> sim(Vertx vertx) {
    return PbxSimulator.start(vertx, PbxSimSettings.forTests()).onSuccess(started::add);
  }

  /** Each test's simulator is closed by the test, before Vert.x itself closes. */
  @org.junit.jupiter.api.AfterEach
  void closeSimulators(VertxTestContext ctx) {
    Future.all(started.stream().map(PbxSimulator::close).toList())
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void queueCallAnsweredAndHungUpReachesTheClientInOrder(Vertx vertx, VertxTestContext ctx) {
    sim(vertx)
        .compose(
            sim ->
                AmiTestClient.loggedIn(vertx, sim.port(), "call,agent")
                    .compose(
                        c ->
                            sim.placeInboundCall(
                                    "sales",
                                    "+442071234567",
                                    CallBehaviour.answeredAfter(2_000, 30_000))
                                .compose(call -> sim.advance(Duration.ofSeconds(40)))
                                .compose(
                                    v ->
                                        c.await(
                                            m ->
                                                m.isEvent("QueueMemberStatus")
                                                    && "1".equals(m.get("Status"))
                                                    && "1".equals(m.get("CallsTaken"))))
                                .map(v -> c)))
        .onComplete(
            ctx.succeeding(
                c ->
                    ctx.verify(
                        () -> {
                          List<String> names = c.events().stream().map(AmiMessage::name).toList();
                          assertThat(names).doesNotContain("Newexten", "VarSet", "FullyBooted");
                          assertThat(names)
                              .containsSubsequence(
                                  "Newchannel",
                                  "QueueCallerJoin",
                                  "AgentCalled",
                                  "DialBegin",
                                  "DialEnd",
                                  "QueueCallerLeave",
                                  "AgentConnect",
                                  "BridgeCreate",
                                  "BridgeEnter",
                                  "BridgeEnter",
                                  "HangupRequest",
                                  "AgentComplete",
                                  "BridgeLeave",
                                  "BridgeLeave",
                                  "BridgeDestroy",
                                  "Hangup",
                                  "Hangup");
                          ctx.completeNow();
                        })));
  }

  @Test
  void theFrameTapSeesEachEventWrittenToTheSessionThatGotIt(Vertx vertx, VertxTestContext ctx) {
    List<String> tapped = new java.util.ArrayList<>();
    List<String> tappedSessions = new java.util.ArrayList<>();
    sim(vertx)
        .compose(
            sim ->
                sim.frameTap(
                        (event, session, nanos) -> {
                          tapped.add(event.name());
                          tappedSessions.add(session.toString());
                        })
                    .compose(v -> AmiTestClient.loggedIn(vertx, sim.port(), "agent"))
                    .compose(
                        c ->
                            sim.placeInboundCall(
                                    "sales", "+442071234567", CallBehaviour.answeredAfter(2_000, 0))
                                .compose(call -> c.awaitEvent("AgentCalled"))
                                .compose(e -> sim.frameTap(null))
                                .compose(v -> sim.advance(Duration.ofSeconds(5)))
                                .compose(v -> c.awaitEvent("AgentConnect"))
                                .map(e -> c)))
        .onComplete(
            ctx.succeeding(
                c ->
                    ctx.verify(
                        () -> {
                          // the agent-class events up to the ring, and nothing once the tap is off
                          assertThat(tapped).contains("AgentCalled").doesNotContain("AgentConnect");
                          assertThat(c.events().stream().map(AmiMessage::name).toList())
                              .startsWith(tapped.toArray(String[]::new));
                          assertThat(tappedSessions)
                              .containsOnly(c.socket().localAddress().toString());
                          ctx.completeNow();
                        })));
  }

  @Test
  void queueStatusAndCoreShowChannelsListExactlyWhatIsLive(Vertx vertx, VertxTestContext ctx) {
    sim(vertx)
        .compose(
            sim ->
                sim.placeInboundCall("support", "5551234", CallBehaviour.manual())
                    .compose(call -> AmiTestClient.loggedIn(vertx, sim.port(), "off"))
                    .compose(
                        c ->
                            c.list(AmiMessage.action("QueueStatus").with("Queue", "support"))
                                .compose(
                                    status -> {
                                      ctx.verify(
                                          () -> {
                                            assertThat(status.get(0).get("EventList"))
                                                .isEqualTo("start");
                                            assertThat(status.get(0).get("Message"))
                                                .isEqualTo("Queue status will follow");
                                            assertThat(status)
                                                .extracting(AmiMessage::name)
                                                .containsExactly(
                                                    "Success",
                                                    "QueueParams",
                                                    "QueueMember",
                                                    "QueueMember",
                                                    "QueueMember",
                                                    "QueueMember",
                                                    "QueueMember",
                                                    "QueueEntry",
                                                    "QueueStatusComplete");
                                            assertThat(status.get(1).get("Calls")).isEqualTo("1");
                                            assertThat(status.get(2).get("Status")).isEqualTo("6");
                                            assertThat(status.get(8).get("ListItems"))
                                                .isEqualTo("7");
                                          });
                                      return c.list(AmiMessage.action("CoreShowChannels"));
                                    })))
        .onComplete(
            ctx.succeeding(
                channels ->
                    ctx.verify(
                        () -> {
                          // the caller plus the five ringing member phones
                          assertThat(channels)
                              .extracting(AmiMessage::name)
                              .filteredOn("CoreShowChannel"::equals)
                              .hasSize(6);
                          AmiMessage done = channels.get(channels.size() - 1);
                          assertThat(done.name()).isEqualTo("CoreShowChannelsComplete");
                          assertThat(done.get("ListItems")).isEqualTo("6");
                          ctx.completeNow();
                        })));
  }

  @Test
  void queuePauseAnswersFirstThenPublishesTheMemberPause(Vertx vertx, VertxTestContext ctx) {
    sim(vertx)
        .compose(sim -> AmiTestClient.loggedIn(vertx, sim.port(), "agent,call"))
        .compose(
            c ->
                c.request(
                        AmiMessage.action("QueuePause")
                            .with("Interface", "PJSIP/1001")
                            .with("Paused", "1")
                            .with("Queue", "support")
                            .with("Reason", "Break"))
                    .compose(r -> c.awaitEvent("QueueMemberPause").map(e -> List.of(r, e)))
                    .compose(
                        pair ->
                            c.request(
                                    AmiMessage.action("QueuePause")
                                        .with("Interface", "PJSIP/9999")
                                        .with("Paused", "1"))
                                .map(missing -> List.of(pair.get(0), pair.get(1), missing))))
        .onComplete(
            ctx.succeeding(
                all ->
                    ctx.verify(
                        () -> {
                          assertThat(all.get(0).get("Message"))
                              .isEqualTo("Interface paused successfully");
                          AmiMessage pause = all.get(1);
                          assertThat(pause.get("Paused")).isEqualTo("1");
                          assertThat(pause.get("PausedReason")).isEqualTo("Break");
                          assertThat(pause.get("Reason")).isEqualTo("Break");
                          assertThat(all.get(2).get("Message")).isEqualTo("Interface not found");
                          ctx.completeNow();
                        })));
  }

  @Test
  void asyncOriginateGetsQueuedThenAnOriginateResponseWithTheSameActionId(
      Vertx vertx, VertxTestContext ctx) {
    sim(vertx)
        .compose(
            sim ->
                sim.scriptOriginate(
                        "PJSIP/5550001@trunk",
                        OriginateScript.of(OriginateScript.Outcome.BUSY, 3_000))
                    .compose(v -> AmiTestClient.loggedIn(vertx, sim.port(), "call"))
                    .compose(
                        c ->
                            c.request(
                                    AmiMessage.action("Originate")
                                        .with("Channel", "PJSIP/5550001@trunk")
                                        .with("Context", "from-internal")
                                        .with("Exten", "sales")
                                        .with("Priority", "1")
                                        .with("Async", "true")
                                        .with("ChannelId", "cc-77"))
                                .compose(
                                    queued ->
                                        sim.advance(Duration.ofSeconds(5))
                                            .compose(v -> c.awaitEvent("OriginateResponse"))
                                            .map(resp -> List.of(queued, resp)))))
        .onComplete(
            ctx.succeeding(
                pair ->
                    ctx.verify(
                        () -> {
                          assertThat(pair.get(0).get("Message"))
                              .isEqualTo("Originate successfully queued");
                          AmiMessage resp = pair.get(1);
                          assertThat(resp.actionId()).isEqualTo(pair.get(0).actionId());
                          assertThat(resp.get("Response")).isEqualTo("Failure");
                          assertThat(resp.get("Reason")).isEqualTo("5");
                          assertThat(resp.get("Uniqueid")).isEqualTo("cc-77");
                          ctx.completeNow();
                        })));
  }

  @Test
  void droppedClientsReconnectAfterResumeAndResyncFromTheLists(Vertx vertx, VertxTestContext ctx) {
    sim(vertx)
        .compose(
            sim ->
                AmiTestClient.loggedIn(vertx, sim.port(), "on")
                    .compose(
                        c ->
                            sim.stopAcceptingAndDropClients()
                                .compose(v -> c.closed())
                                .compose(
                                    v -> sim.placeInboundCall("sales", "1", CallBehaviour.manual()))
                                .compose(v -> sim.resumeAccepting())
                                .compose(port -> AmiTestClient.loggedIn(vertx, port, "off"))
                                .compose(
                                    again ->
                                        again.list(
                                            AmiMessage.action("QueueSummary")
                                                .with("Queue", "sales")))))
        .onComplete(
            ctx.succeeding(
                summary ->
                    ctx.verify(
                        () -> {
                          assertThat(summary.get(1).get("Callers")).isEqualTo("1");
                          assertThat(summary.get(2).name()).isEqualTo("QueueSummaryComplete");
                          ctx.completeNow();
                        })));
  }

  @Test
  void actionsSentOneByteAtATimeAreStillUnderstood(Vertx vertx, VertxTestContext ctx) {
    sim(vertx)
        .compose(sim -> AmiTestClient.connect(vertx, sim.port()))
        .compose(
            c -> {
              Future<AmiMessage> pong = c.next(m -> "p1".equals(m.actionId()));
              String text =
                  "Action: Login\nUsername: admin\nSecret: admin\n\nAction: Ping\r\nActionID: p1\r\n\r\n";
              for (char ch : text.toCharArray()) {
                c.sendRaw(String.valueOf(ch));
              }
              return pong;
            })
        .onComplete(
            ctx.succeeding(
                pong ->
                    ctx.verify(
                        () -> {
                          assertThat(pong.get("Ping")).isEqualTo("Pong");
                          ctx.completeNow();
                        })));
  }

  private static String resource(String path) {
    try (java.io.InputStream in = PbxSimulatorIT.class.getResourceAsStream("/" + path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void replayModeSendsTheCapturesServerBlocksAfterLogin(Vertx vertx, VertxTestContext ctx) {
    String capture = resource("captures/basic-call-answered-ast13-sip.ami");
    int expected = io.switchboard.pbxsim.replay.CaptureParser.serverBlocks(capture).size();
    PbxSimulator.start(vertx, PbxSimSettings.forTests().withReplay(List.of(capture), 0))
        .compose(
            sim ->
                AmiTestClient.loggedIn(vertx, sim.port(), "off")
                    .compose(
                        c ->
                            c.await(
                                    m ->
                                        m.isEvent("Hangup")
                                            && "SIP/9170-12-0000003c".equals(m.get("Channel")))
                                .map(h -> c))
                    // Hang up and stop the simulator here: left open, the replaying session
                    // kept Vert.x from closing after the test.
                    .compose(c -> c.close().compose(closed -> sim.close()).map(c)))
        .onComplete(
            ctx.succeeding(
                c ->
                    ctx.verify(
                        () -> {
                          // login response, then every server block of the capture
                          assertThat(c.received()).hasSize(1 + expected);
                          assertThat(c.received().get(1).name()).isEqualTo("DeviceStateChange");
                          ctx.completeNow();
                        })));
  }

  @Test
  void md5ChallengeMatchesTheRealAmi7Capture(Vertx vertx, VertxTestContext ctx) {
    List<AmiMessage> capture =
        io.switchboard.pbxsim.replay.CaptureParser.serverBlocks(
            resource("captures/login-md5-challenge-ami7.ami"));
    sim(vertx)
        .compose(sim -> AmiTestClient.connect(vertx, sim.port()))
        .compose(
            c ->
                c.banner()
                    .compose(
                        b ->
                            c.request(AmiMessage.action("Challenge").with("AuthType", "MD5"))
                                .map(r -> List.of(b, r))))
        .onComplete(
            ctx.succeeding(
                pair ->
                    ctx.verify(
                        () -> {
                          assertThat(pair.get(0)).isEqualTo("Asterisk Call Manager/7.0.3");
                          AmiMessage ours = (AmiMessage) pair.get(1);
                          AmiMessage real = capture.get(0);
                          // Same headers; the capture (a panoramisk YAML fixture) lists Challenge
                          // before ActionID, while action_challenge writes astman_start_ack
                          // (Response,
                          // ActionID) first, which is what the simulator follows.
                          assertThat(ours.fields())
                              .extracting(e -> e.getKey())
                              .containsExactlyInAnyOrderElementsOf(
                                  real.fields().stream().map(e -> e.getKey()).toList())
                              .containsExactly("Response", "ActionID", "Challenge");
                          assertThat(ours.get("Challenge")).matches("\\d+");
                          ctx.completeNow();
                        })));
  }
}
