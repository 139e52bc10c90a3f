package io.switchboard.agentws.session;

import static io.switchboard.agentws.session.ConsoleTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pushes to users and roles reach exactly the right sessions; a reconnect resumes or resyncs. */
@ExtendWith(VertxExtension.class)
class ConsoleRoutingIT {

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

  @Test
  void anAgentNeverReceivesASupervisorMessageAndUsersOnlyTheirOwn() {
    ConsoleTestClient ann = connected("ann-token");
    ConsoleTestClient bob = connected("bob-token");
    ConsoleTestClient cat = connected("cat-token");

    server.publishToRole("supervisor", "wallboard.updated", new JsonObject().put("waiting", 3));
    server.publishToRole("agent", "queue.info", new JsonObject().put("queue", "sales"));
    server.publishToUser(1, "agent.state.changed", new JsonObject().put("state", "ready"));
    server.publishToUser(3, "agent.state.changed", new JsonObject().put("state", "paused"));

    JsonObject wallboard = bob.take();
    assertThat(wallboard.getString("type")).isEqualTo("wallboard.updated");
    assertThat(wallboard.getLong("seq")).isEqualTo(1L);
    assertThat(wallboard.getJsonObject("data").getInteger("waiting")).isEqualTo(3);

    JsonObject annFirst = ann.take();
    JsonObject annSecond = ann.take();
    assertThat(annFirst.getString("type")).isEqualTo("queue.info");
    assertThat(annFirst.getLong("seq")).isEqualTo(1L);
    assertThat(annSecond.getString("type")).isEqualTo("agent.state.changed");
    assertThat(annSecond.getJsonObject("data").getString("state")).isEqualTo("ready");
    assertThat(annSecond.getLong("seq")).isEqualTo(2L);

    assertThat(cat.take().getString("type")).isEqualTo("queue.info");
    assertThat(cat.take().getJsonObject("data").getString("state")).isEqualTo("paused");

    // A marker sent after everything: had the supervisor's message reached an agent, it would
    // have come before the marker.
    server.publishToUser(1, "marker", new JsonObject());
    assertThat(ann.take().getString("type")).isEqualTo("marker");
  }

  @Test
  void everySessionOfAUserGetsItsMessages() {
    ConsoleTestClient tab1 = connected("ann-token");
    ConsoleTestClient tab2 = connected("ann-token");

    server.publishToUser(1, "agent.state.changed", new JsonObject().put("state", "ready"));

    assertThat(tab1.take().getLong("seq")).isEqualTo(1L);
    assertThat(tab2.take().getLong("seq")).isEqualTo(1L);
  }

  @Test
  void aReconnectWithinTheReplayBufferGetsExactlyWhatItMissed() {
    ConsoleTestClient ann = await(ConsoleTestClient.connect(vertx, server.port(), "ann-token"));
    String epoch = ann.take().getString("epoch");
    server.publishToUser(1, "m", new JsonObject().put("n", 1));
    assertThat(ann.take().getLong("seq")).isEqualTo(1L);
    ann.close();

    server.publishToUser(1, "m", new JsonObject().put("n", 2));
    server.publishToRole("agent", "m", new JsonObject().put("n", 3));
    int snapshotsBefore = server.snapshots.get();
    ConsoleTestClient again =
        await(
            ConsoleTestClient.connect(
                vertx, server.port(), "?lastSeq=1&epoch=" + epoch, "bearer.ann-token", null));

    JsonObject resumed = again.take();
    assertThat(resumed.getString("type")).isEqualTo("resumed");
    assertThat(resumed.getJsonObject("data").getInteger("resent")).isEqualTo(2);
    JsonObject second = again.take();
    JsonObject third = again.take();
    assertThat(second.getLong("seq")).isEqualTo(2L);
    assertThat(second.getJsonObject("data").getInteger("n")).isEqualTo(2);
    assertThat(third.getLong("seq")).isEqualTo(3L);
    assertThat(third.getJsonObject("data").getInteger("n")).isEqualTo(3);
    assertThat(server.snapshots.get()).isEqualTo(snapshotsBefore);
  }

  @Test
  void aReconnectWhoseGapTheBufferNoLongerCoversGetsAFreshSnapshot() {
    ConsoleTestClient ann = await(ConsoleTestClient.connect(vertx, server.port(), "ann-token"));
    String epoch = ann.take().getString("epoch");
    ann.close();
    for (int n = 1; n <= ConsoleTestServer.REPLAY_SIZE + 3; n++) {
      server.publishToUser(1, "m", new JsonObject().put("n", n));
    }

    ConsoleTestClient again =
        await(
            ConsoleTestClient.connect(
                vertx, server.port(), "?lastSeq=1&epoch=" + epoch, "bearer.ann-token", null));

    JsonObject snapshot = again.take();
    assertThat(snapshot.getString("type")).isEqualTo("snapshot");
    assertThat(snapshot.getLong("seq")).isEqualTo(ConsoleTestServer.REPLAY_SIZE + 3L);
    server.publishToUser(1, "m", new JsonObject());
    assertThat(again.take().getLong("seq")).isEqualTo(ConsoleTestServer.REPLAY_SIZE + 4L);
  }

  @Test
  void aResumeWithAnotherEpochGetsAFreshSnapshot() {
    ConsoleTestClient ann =
        await(
            ConsoleTestClient.connect(
                vertx, server.port(), "?lastSeq=0&epoch=before-restart", "bearer.ann-token", null));

    assertThat(ann.take().getString("type")).isEqualTo("snapshot");
  }

  @Test
  void aResumeMessageInASessionResendsFromTheGivenSeq() {
    ConsoleTestClient ann = await(ConsoleTestClient.connect(vertx, server.port(), "ann-token"));
    String epoch = ann.take().getString("epoch");
    server.publishToUser(1, "m", new JsonObject().put("n", 1));
    server.publishToUser(1, "m", new JsonObject().put("n", 2));
    assertThat(ann.take().getLong("seq")).isEqualTo(1L);
    assertThat(ann.take().getLong("seq")).isEqualTo(2L);

    ann.send(
        new JsonObject()
            .put("type", "resume")
            .put("data", new JsonObject().put("epoch", epoch).put("lastSeq", 1))
            .encode());

    assertThat(ann.take().getString("type")).isEqualTo("resumed");
    assertThat(ann.take().getLong("seq")).isEqualTo(2L);
  }
}
