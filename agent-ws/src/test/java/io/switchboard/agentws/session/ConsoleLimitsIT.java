package io.switchboard.agentws.session;

import static io.switchboard.agentws.session.ConsoleTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Heartbeats, slow clients, frame size, bad input and commands, over real sockets. */
@ExtendWith(VertxExtension.class)
class ConsoleLimitsIT {

  private ConsoleTestServer server;
  private Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    server = new ConsoleTestServer(vertx);
    await(server.start());
  }

  private ConsoleTestClient connected(String token) {
    ConsoleTestClient client = await(ConsoleTestClient.connect(vertx, server.port(), token));
    assertThat(client.take().getString("type")).isEqualTo("snapshot");
    return client;
  }

  private void pause(long millis) {
    Promise<Void> done = Promise.promise();
    vertx.setTimer(millis, tick -> done.complete());
    await(done.future());
  }

  @Test
  void aClientThatNeverAnswersPingsIsClosed() {
    RawWebSocket silent = await(RawWebSocket.connect(vertx, server.port(), "ann-token"));

    await(silent.closed());

    assertThat(server.sessionsHolding("agent")).isZero();
  }

  @Test
  void aClientThatAnswersPingsStaysConnectedAcrossManyHeartbeats() {
    ConsoleTestClient ann = connected("ann-token");

    pause(ConsoleTestServer.HEARTBEAT.toMillis() * 8);
    ann.send(new JsonObject().put("type", "test.echo").put("id", 1).encode());

    assertThat(ann.take().getString("type")).isEqualTo("test.echo.reply");
    assertThat(ann.closed().isComplete()).isFalse();
    assertThat(server.sessionsHolding("agent")).isEqualTo(1.0);
  }

  @Test
  void aClientThatStopsReadingIsCutOffInsteadOfBuffered() throws Exception {
    // Heartbeats slow enough that the silent client is cut for its queue, not its missed pongs.
    server = new ConsoleTestServer(vertx, java.time.Duration.ofMinutes(1));
    await(server.start());
    BlockingWebSocket slow = BlockingWebSocket.connect(server.port(), "ann-token");
    ConsoleTestClient cat = connected("cat-token");
    JsonObject bulky = new JsonObject().put("text", "x".repeat(8 * 1024));
    server.until(
        () -> {
          // Bursts of half the queue bound: a client that reads keeps up with them.
          for (int n = 0; n < ConsoleTestServer.OUTBOUND_QUEUE / 2; n++) {
            server.publishToRole("agent", "bulk", bulky);
          }
          return server.slowClientsCut() > 0;
        });
    assertThat(server.slowClientsCut()).isEqualTo(1.0);

    server.until(() -> server.sessionsHolding("agent") == 1.0);
    assertThat(slow.drainUntilClosed()).isTrue();
    slow.close();
    // The agent who reads keeps its session and gets a message sent after the cut.
    server.publishToUser(3, "after.cut", new JsonObject());
    JsonObject frame = cat.take();
    while (frame.getString("type").equals("bulk")) {
      frame = cat.take();
    }
    assertThat(frame.getString("type")).isEqualTo("after.cut");
  }

  @Test
  void cuttingOneTabOfAUserMidPushLeavesTheUsersOtherTabsEveryMessage() throws Exception {
    server = new ConsoleTestServer(vertx, java.time.Duration.ofMinutes(1));
    await(server.start());
    // The slow tab opens first, so a push reaches it before the reading tab of the same user.
    BlockingWebSocket slow = BlockingWebSocket.connect(server.port(), "ann-token");
    ConsoleTestClient reading = connected("ann-token");
    JsonObject bulky = new JsonObject().put("text", "x".repeat(8 * 1024));
    server.until(
        () -> {
          for (int n = 0; n < ConsoleTestServer.OUTBOUND_QUEUE / 2; n++) {
            server.publishToUser(ConsoleTestServer.ANN.userId(), "bulk", bulky);
          }
          return server.slowClientsCut() > 0;
        });
    server.publishToUser(ConsoleTestServer.ANN.userId(), "after.cut", new JsonObject());
    assertThat(slow.drainUntilClosed()).isTrue();
    slow.close();
    // Every push reached the reading tab, the one that cut its sibling included: no seq is missing.
    long expected = 0;
    JsonObject frame = reading.take();
    while (!frame.getString("type").equals("after.cut")) {
      expected++;
      assertThat(frame.getLong("seq")).as(frame.getString("type")).isEqualTo(expected);
      frame = reading.take();
    }
    assertThat(frame.getLong("seq")).isEqualTo(expected + 1);
  }

  @Test
  void aFrameOverTheSizeLimitEndsTheSession() {
    // A client that sends frames bigger than the server takes, in one frame.
    ConsoleTestClient ann =
        await(
            ConsoleTestClient.connect(
                vertx,
                new WebSocketClientOptions().setMaxFrameSize(256 * 1024),
                server.port(),
                null,
                "bearer.ann-token",
                null));
    assertThat(ann.take().getString("type")).isEqualTo("snapshot");

    ann.socket()
        .writeTextMessage(
            new JsonObject()
                .put("type", "test.echo")
                .put("data", new JsonObject().put("text", "x".repeat(70 * 1024)))
                .encode());

    // Vert.x drops the connection (1006 at the client) or sends 1009; either way no echo.
    assertThat(await(ann.closed())).isIn((short) 1006, (short) 1009);
    server.until(() -> server.sessionsHolding("agent") == 0.0);
  }

  @Test
  void aMessageOverTheSizeLimitInSeveralFramesEndsTheSession() {
    ConsoleTestClient ann = connected("ann-token");

    // The client splits it into frames of its own 64 KiB frame size; together they are too big.
    await(
        ann.socket()
            .writeTextMessage(
                new JsonObject()
                    .put("type", "test.echo")
                    .put("data", new JsonObject().put("text", "x".repeat(100 * 1024)))
                    .encode()));

    assertThat(await(ann.closed())).isEqualTo((short) 1009);
    server.until(() -> server.sessionsHolding("agent") == 0.0);
  }

  @Test
  void malformedClientMessagesGetAnErrorFrameNamingTheProblemAndTheSessionGoesOn() {
    ConsoleTestClient ann = connected("ann-token");

    ann.send("{not json");
    JsonObject malformed = ann.take();
    ann.send("[1, 2]");
    JsonObject notObject = ann.take();
    ann.send("{\"type\": \"Agent Ready\", \"id\": 5}");
    JsonObject badType = ann.take();
    ann.send("{\"type\": \"agent.ready\", \"data\": 3}");
    JsonObject badData = ann.take();
    ann.send("{\"type\": \"resume\", \"data\": {\"lastSeq\": 1}}");
    JsonObject badResume = ann.take();

    assertThat(malformed.getString("type")).isEqualTo("error");
    assertThat(malformed.getJsonObject("data").getInteger("code")).isEqualTo(400);
    assertThat(malformed.getJsonObject("data").getString("message")).startsWith("malformed JSON");
    assertThat(notObject.getJsonObject("data").getString("message")).contains("JSON object");
    assertThat(badType.getJsonObject("data").getString("message")).contains("'type'");
    assertThat(badType.getInteger("replyTo")).isEqualTo(5);
    assertThat(badData.getJsonObject("data").getString("message")).contains("'data'");
    assertThat(badResume.getJsonObject("data").getString("message")).contains("data.epoch");

    ann.send(
        new JsonObject()
            .put("type", "test.echo")
            .put("id", "a1")
            .put("data", new JsonObject().put("x", 1))
            .encode());
    JsonObject reply = ann.take();
    assertThat(reply.getString("type")).isEqualTo("test.echo.reply");
    assertThat(reply.getString("replyTo")).isEqualTo("a1");
    assertThat(reply.getJsonObject("data").getInteger("x")).isEqualTo(1);
  }

  @Test
  void aCommandGoesOutWithTheSessionsIdentityAndAFailureComesBackAsAnErrorFrame() {
    ConsoleTestClient bob = connected("bob-token");

    bob.send(new JsonObject().put("type", "test.echo").put("id", 1).encode());
    JsonObject reply = bob.take();
    bob.send(new JsonObject().put("type", "test.fail").put("id", 2).encode());
    JsonObject failure = bob.take();

    assertThat(reply.getJsonObject("data").getString("from")).isEqualTo("bob");
    assertThat(failure.getString("type")).isEqualTo("error");
    assertThat(failure.getInteger("replyTo")).isEqualTo(2);
    assertThat(failure.getJsonObject("data").getInteger("code")).isEqualTo(409);
    assertThat(failure.getJsonObject("data").getString("message")).isEqualTo("nope: bob");
  }

  @Test
  void aCommandOfADomainNoServiceAnswersGets503NamingTheDomain() {
    ConsoleTestClient ann = connected("ann-token");

    ann.send(new JsonObject().put("type", "call.dial").put("id", 7).encode());
    JsonObject failure = ann.take();

    assertThat(failure.getString("type")).isEqualTo("error");
    assertThat(failure.getInteger("replyTo")).isEqualTo(7);
    assertThat(failure.getJsonObject("data").getInteger("code")).isEqualTo(503);
    assertThat(failure.getJsonObject("data").getString("message"))
        .isEqualTo("no service answers call commands");
  }
}
