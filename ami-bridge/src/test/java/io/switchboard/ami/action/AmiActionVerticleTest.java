package io.switchboard.ami.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.client.AmiClient;
import io.switchboard.ami.client.AmiClientVerticle;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.testpeer.ScriptedAmiPeer;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.config.AmiServerSettings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event-bus action service against a logged-in client and a real TCP peer. */
@ExtendWith(VertxExtension.class)
class AmiActionVerticleTest {

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
                  ctx.completeNow();
                }));
  }

  @AfterEach
  void stopPeer(VertxTestContext ctx) {
    peer.close().onComplete(ctx.succeedingThenComplete());
  }

  private Future<Void> serve(String... ids) {
    return ActionServiceFixture.serve(vertx, peer.port(), ids);
  }

  private Future<JsonObject> request(String address, JsonObject body) {
    return ActionServiceFixture.request(vertx, address, body);
  }

  private AmiMessage received(String name) {
    return ActionServiceFixture.received(peer, name);
  }

  private static void expectFailure(
      VertxTestContext ctx, Future<?> reply, int code, String message) {
    ActionServiceFixture.expectFailure(ctx, reply, code, message);
  }

  @Test
  void originateIsAsynchronousCarriesEveryVariableAndRepliesWithTheChannelIdToCorrelate(
      VertxTestContext ctx) {
    peer.on(
        "Originate",
        (session, action) ->
            session.reply(action, "Success", "Message", "Originate successfully queued"));
    JsonObject originate =
        new JsonObject()
            .put("channel", "PJSIP/100")
            .put("context", "from-internal")
            .put("exten", "200")
            .put("priority", 1)
            .put("callerId", "Sales <100>")
            .put("timeoutMs", 20_000)
            .put("variables", new JsonObject().put("CC_CAMPAIGN", "42").put("__CC_LEAD", 7));

    serve("pbx1")
        .compose(ready -> request(AmiActionAddresses.ORIGINATE, originate))
        .onComplete(
            ctx.succeeding(
                reply ->
                    ctx.verify(
                        () -> {
                          AmiMessage sent = received("Originate");
                          assertThat(reply.getString("server")).isEqualTo("pbx1");
                          assertThat(reply.getString("message"))
                              .isEqualTo("Originate successfully queued");
                          assertThat(reply.getString("actionId")).isEqualTo(sent.actionId());
                          assertThat(reply.getString("channelId"))
                              .matches("[0-9a-f-]{36}")
                              .isEqualTo(sent.get("ChannelId"));
                          assertThat(sent.get("Async")).isEqualTo("true");
                          assertThat(sent.get("Channel")).isEqualTo("PJSIP/100");
                          assertThat(sent.get("Context")).isEqualTo("from-internal");
                          assertThat(sent.get("Exten")).isEqualTo("200");
                          assertThat(sent.get("Priority")).isEqualTo("1");
                          assertThat(sent.get("CallerID")).isEqualTo("Sales <100>");
                          assertThat(sent.get("Timeout")).isEqualTo("20000");
                          assertThat(sent.getAll("Variable"))
                              .containsExactly("CC_CAMPAIGN=42", "__CC_LEAD=7");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aChannelIdGivenByTheCallerIsKept(VertxTestContext ctx) {
    peer.on("Originate", (session, action) -> session.reply(action, "Success"));

    serve("pbx1")
        .compose(
            ready ->
                request(
                    AmiActionAddresses.ORIGINATE,
                    new JsonObject()
                        .put("channel", "Local/100@dialer")
                        .put("application", "Playback")
                        .put("data", "hello-world")
                        .put("channelId", "campaign-7-lead-9")
                        .put("otherChannelId", "campaign-7-lead-9-2")))
        .onComplete(
            ctx.succeeding(
                reply ->
                    ctx.verify(
                        () -> {
                          AmiMessage sent = received("Originate");
                          assertThat(reply.getString("channelId")).isEqualTo("campaign-7-lead-9");
                          assertThat(sent.get("ChannelId")).isEqualTo("campaign-7-lead-9");
                          assertThat(sent.get("OtherChannelId")).isEqualTo("campaign-7-lead-9-2");
                          assertThat(sent.get("Application")).isEqualTo("Playback");
                          assertThat(sent.get("Data")).isEqualTo("hello-world");
                          assertThat(sent.get("Exten")).isNull();
                          assertThat(reply.containsKey("message")).isFalse();
                          ctx.completeNow();
                        })));
  }

  @Test
  void asterisksOwnErrorTextReachesTheCallerAsAConflict(VertxTestContext ctx) {
    peer.on(
        "Hangup",
        (session, action) -> session.reply(action, "Error", "Message", "No such channel"));

    expectFailure(
        ctx,
        serve("pbx1")
            .compose(
                ready ->
                    request(
                        AmiActionAddresses.HANGUP,
                        new JsonObject().put("channel", "PJSIP/100-00000001").put("cause", 16))),
        409,
        "Asterisk refused Hangup: No such channel");
  }

  @Test
  void anActionAsteriskNeverAnswersFailsAsATimeout(VertxTestContext ctx) {
    peer.silence("Redirect");

    expectFailure(
        ctx,
        serve("pbx1")
            .compose(
                ready ->
                    request(
                        AmiActionAddresses.REDIRECT,
                        new JsonObject()
                            .put("channel", "PJSIP/100-00000001")
                            .put("context", "transfer")
                            .put("exten", "300")
                            .put("priority", 1))),
        504,
        "did not get its answer from 127.0.0.1:");
  }

  @Test
  void aServerThatIsNotLoggedInAnswersUnavailable(VertxTestContext ctx) {
    int closedPort = peer.port();
    AmiClient client =
        new AmiClient(
            vertx,
            new AmiServerSettings("pbx1", "127.0.0.1", closedPort, "switchboard", "mysecret"),
            ActionServiceFixture.SETTINGS,
            ActionServiceFixture.onResync(Promise.promise()),
            new SimpleMeterRegistry());

    expectFailure(
        ctx,
        peer.close()
            .compose(closed -> vertx.deployVerticle(new AmiClientVerticle(client)))
            .compose(deployed -> vertx.deployVerticle(new AmiActionVerticle(List.of(client))))
            .compose(
                ready ->
                    request(AmiActionAddresses.HANGUP, new JsonObject().put("channel", "PJSIP/1"))),
        503,
        "AMI server 'pbx1' is not connected");
  }
}
