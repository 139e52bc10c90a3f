package io.switchboard.ami.action;

import static io.switchboard.ami.action.ActionServiceFixture.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.testpeer.ScriptedAmiPeer;
import io.switchboard.core.ami.AmiActionAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad requests are refused with a clear message before Asterisk sees them; good ones map right. */
@ExtendWith(VertxExtension.class)
class AmiActionValidationTest {

  private Vertx vertx;
  private ScriptedAmiPeer peer;

  @BeforeEach
  void startPeer(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    ScriptedAmiPeer.start(vertx)
        .onComplete(
            ctx.succeeding(
                started -> {
                  peer = started;
                  peer.on("Originate", (session, action) -> session.reply(action, "Success"))
                      .on(
                          "Getvar",
                          (session, action) ->
                              session.reply(
                                  action,
                                  "Success",
                                  "Variable",
                                  action.get("Variable"),
                                  "Value",
                                  "HUMAN"))
                      .on(
                          "MixMonitor",
                          (session, action) ->
                              session.reply(action, "Success", "MixMonitorID", "0x7f3a"))
                      .on("MixMonitorMute", (session, action) -> session.reply(action, "Success"));
                  ctx.completeNow();
                }));
  }

  @AfterEach
  void stopPeer(VertxTestContext ctx) {
    peer.close().onComplete(ctx.succeedingThenComplete());
  }

  private Future<JsonObject> request(String address, Object body) {
    return ActionServiceFixture.request(vertx, address, body);
  }

  private Future<JsonObject> served(String address, Object body) {
    return ActionServiceFixture.serve(vertx, peer.port(), "pbx1")
        .compose(ready -> request(address, body));
  }

  @Test
  void aLineBreakInAFieldIsRefusedBeforeItReachesAsterisk(VertxTestContext ctx) {
    expectFailure(
        ctx,
        served(
                AmiActionAddresses.HANGUP,
                new JsonObject().put("channel", "PJSIP/1\r\nAction: Originate"))
            .andThen(
                ignored ->
                    ctx.verify(
                        () ->
                            assertThat(ActionServiceFixture.receivedAll(peer, "Hangup"))
                                .isEmpty())),
        400,
        "ami.action.hangup: field 'channel' contains a line break, which AMI cannot carry");
  }

  @Test
  void aMissingRequiredFieldIsNamed(VertxTestContext ctx) {
    expectFailure(
        ctx,
        served(AmiActionAddresses.QUEUE_ADD, new JsonObject().put("queue", "sales")),
        400,
        "ami.action.queue.add: field 'interface' is required");
  }

  @Test
  void aRequestThatIsNotAJsonObjectIsRefused(VertxTestContext ctx) {
    expectFailure(
        ctx,
        served(AmiActionAddresses.HANGUP, "PJSIP/1"),
        400,
        "ami.action.hangup: the request must be a JSON object");
  }

  @Test
  void originateNeedsADialplanTargetOrAnApplicationButNotBoth(VertxTestContext ctx) {
    expectFailure(
        ctx,
        served(
            AmiActionAddresses.ORIGINATE,
            new JsonObject()
                .put("channel", "PJSIP/1")
                .put("exten", "100")
                .put("context", "default")
                .put("priority", 1)
                .put("application", "Playback")),
        400,
        "give either context/exten/priority or application/data, not both");
  }

  @Test
  void aVariableValueWithACommaIsRefusedBecauseAsteriskWouldSplitIt(VertxTestContext ctx) {
    expectFailure(
        ctx,
        served(
            AmiActionAddresses.ORIGINATE,
            new JsonObject()
                .put("channel", "PJSIP/1")
                .put("application", "Playback")
                .put("variables", new JsonObject().put("CUSTOMER", "Smith, John"))),
        400,
        "variable CUSTOMER may not contain a comma");
  }

  @Test
  void aHeaderLongerThanAsteriskReadsIsRefused(VertxTestContext ctx) {
    expectFailure(
        ctx,
        served(
            AmiActionAddresses.SETVAR,
            new JsonObject().put("variable", "NOTE").put("value", "x".repeat(1100))),
        400,
        "AMI header Value would be 1107 bytes long; Asterisk drops lines over 1024");
  }

  @Test
  void anUnknownServerIsNamedWithTheConfiguredOnes(VertxTestContext ctx) {
    expectFailure(
        ctx,
        served(
            AmiActionAddresses.HANGUP,
            new JsonObject().put("server", "pbx9").put("channel", "PJSIP/1")),
        404,
        "ami.action.hangup: unknown AMI server 'pbx9'; configured: pbx1");
  }

  @Test
  void theServerMustBeNamedWhenSeveralAreConfigured(VertxTestContext ctx) {
    expectFailure(
        ctx,
        ActionServiceFixture.serve(vertx, peer.port(), "pbx1", "pbx2")
            .compose(
                ready ->
                    request(AmiActionAddresses.HANGUP, new JsonObject().put("channel", "PJSIP/1"))),
        400,
        "field 'server' is required when 2 AMI servers are configured (pbx1, pbx2)");
  }

  @Test
  void spyModesRingTheSupervisorIntoChanSpyWithQuietWhisperOrBargeOptions(VertxTestContext ctx) {
    List<String> modes = List.of("listen", "whisper", "barge");
    ActionServiceFixture.serve(vertx, peer.port(), "pbx1")
        .compose(
            ready -> {
              List<Future<JsonObject>> replies = new ArrayList<>();
              for (String mode : modes) {
                replies.add(
                    request(
                        AmiActionAddresses.SPY,
                        new JsonObject()
                            .put("supervisor", "PJSIP/2001")
                            .put("target", "PJSIP/100-00000001")
                            .put("mode", mode)));
              }
              return Future.all(replies);
            })
        .onComplete(
            ctx.succeeding(
                replies ->
                    ctx.verify(
                        () -> {
                          List<AmiMessage> sent =
                              ActionServiceFixture.receivedAll(peer, "Originate");
                          assertThat(sent)
                              .extracting(o -> o.get("Data"))
                              .containsExactlyInAnyOrder(
                                  "PJSIP/100-00000001,q",
                                  "PJSIP/100-00000001,qw",
                                  "PJSIP/100-00000001,qB");
                          assertThat(sent)
                              .allSatisfy(
                                  o -> {
                                    assertThat(o.get("Channel")).isEqualTo("PJSIP/2001");
                                    assertThat(o.get("Application")).isEqualTo("ChanSpy");
                                    assertThat(o.get("Async")).isEqualTo("true");
                                    assertThat(o.get("ChannelId")).isNotBlank();
                                  });
                          ctx.completeNow();
                        })));
  }

  @Test
  void getvarRepliesWithTheValueAndMixMonitorWithItsId(VertxTestContext ctx) {
    ActionServiceFixture.serve(vertx, peer.port(), "pbx1")
        .compose(
            ready ->
                Future.all(
                    request(
                        AmiActionAddresses.GETVAR,
                        new JsonObject().put("channel", "PJSIP/1-1").put("variable", "AMDSTATUS")),
                    request(
                        AmiActionAddresses.MIXMONITOR_START,
                        new JsonObject().put("channel", "PJSIP/1-1").put("file", "call-1.wav")),
                    request(
                        AmiActionAddresses.MIXMONITOR_MUTE,
                        new JsonObject().put("channel", "PJSIP/1-1").put("mute", true))))
        .onComplete(
            ctx.succeeding(
                replies ->
                    ctx.verify(
                        () -> {
                          assertThat(replies.<JsonObject>resultAt(0).getString("value"))
                              .isEqualTo("HUMAN");
                          assertThat(replies.<JsonObject>resultAt(1).getString("mixMonitorId"))
                              .isEqualTo("0x7f3a");
                          AmiMessage mute = ActionServiceFixture.received(peer, "MixMonitorMute");
                          assertThat(mute.get("Direction")).isEqualTo("both");
                          assertThat(mute.get("State")).isEqualTo("1");
                          ctx.completeNow();
                        })));
  }

  @Test
  void everyAddressInTheContractIsServedAndChecksItsInput(VertxTestContext ctx) throws Exception {
    List<String> addresses = new ArrayList<>();
    for (Field field : AmiActionAddresses.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        addresses.add((String) field.get(null));
      }
    }
    List<Future<JsonObject>> replies = new ArrayList<>();
    ActionServiceFixture.serve(vertx, peer.port(), "pbx1")
        .compose(
            ready -> {
              addresses.forEach(address -> replies.add(request(address, new JsonObject())));
              return Future.join(replies);
            })
        .onComplete(
            done ->
                ctx.verify(
                    () -> {
                      assertThat(addresses).hasSize(14).doesNotHaveDuplicates();
                      for (int i = 0; i < addresses.size(); i++) {
                        Throwable failed = replies.get(i).cause();
                        String address = addresses.get(i);
                        // 400 with a message naming the address; not NO_HANDLERS, not a timeout.
                        assertThat(failed)
                            .as(address)
                            .isInstanceOfSatisfying(
                                ReplyException.class,
                                e -> assertThat(e.failureCode()).isEqualTo(400))
                            .hasMessageStartingWith(address + ": field '");
                      }
                      ctx.completeNow();
                    }));
  }
}
