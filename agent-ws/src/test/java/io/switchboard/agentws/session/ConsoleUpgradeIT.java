package io.switchboard.agentws.session;

import static io.switchboard.agentws.session.ConsoleTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The upgrade of {@code GET /ws}: token, origin, subprotocol and the snapshot on connect. */
@ExtendWith(VertxExtension.class)
class ConsoleUpgradeIT {

  private ConsoleTestServer server;
  private Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    server = new ConsoleTestServer(vertx);
    await(server.start());
  }

  private int refusedStatus(Future<ConsoleTestClient> connecting) {
    Throwable cause =
        await(
            connecting.transform(
                done -> Future.succeededFuture(done.failed() ? done.cause() : null)));
    assertThat(cause).isInstanceOf(UpgradeRejectedException.class);
    return ((UpgradeRejectedException) cause).getStatus();
  }

  @Test
  void anUpgradeWithoutATokenIsRefusedWith401() {
    assertThat(refusedStatus(ConsoleTestClient.connect(vertx, server.port(), null, null, null)))
        .isEqualTo(401);
  }

  @Test
  void anUpgradeWithAnUnknownTokenIsRefusedWith401() {
    assertThat(refusedStatus(ConsoleTestClient.connect(vertx, server.port(), "stolen-token")))
        .isEqualTo(401);
    assertThat(
            refusedStatus(
                ConsoleTestClient.connect(vertx, server.port(), "?token=stolen-token", null, null)))
        .isEqualTo(401);
    assertThat(server.sessionsHolding("agent")).isZero();
  }

  @Test
  void anUpgradeFromAForeignOriginIsRefusedWith403EvenWithAGoodToken() {
    assertThat(
            refusedStatus(
                ConsoleTestClient.connect(
                    vertx, server.port(), null, "bearer.ann-token", "https://evil.example.net")))
        .isEqualTo(403);
  }

  @Test
  void theServersOwnOriginAndAnAllowedOriginMayConnect() {
    ConsoleTestClient same =
        await(
            ConsoleTestClient.connect(
                vertx,
                server.port(),
                null,
                "bearer.ann-token",
                "http://127.0.0.1:" + server.port()));
    ConsoleTestClient listed =
        await(
            ConsoleTestClient.connect(
                vertx, server.port(), null, "bearer.ann-token", ConsoleTestServer.ALLOWED_ORIGIN));

    assertThat(same.take().getString("type")).isEqualTo("snapshot");
    assertThat(listed.take().getString("type")).isEqualTo("snapshot");
  }

  @Test
  void aSessionStartsWithASnapshotAndTheServerEchoesTheBearerSubprotocol() {
    ConsoleTestClient ann = await(ConsoleTestClient.connect(vertx, server.port(), "ann-token"));

    JsonObject snapshot = ann.take();
    assertThat(ann.socket().subProtocol()).isEqualTo("bearer.ann-token");
    assertThat(snapshot.getString("type")).isEqualTo("snapshot");
    assertThat(snapshot.getLong("seq")).isZero();
    assertThat(snapshot.getString("epoch")).isNotBlank();
    assertThat(snapshot.getJsonObject("data").getLong("userId")).isEqualTo(1L);
    assertThat(snapshot.getJsonObject("data").getString("username")).isEqualTo("ann");
    assertThat(snapshot.getJsonObject("data").getJsonArray("roles")).containsExactly("agent");
    assertThat(server.sessionsHolding("agent")).isEqualTo(1.0);
  }

  @Test
  void aClientOfferingTheConsoleProtocolFirstGetsItEchoedInsteadOfItsToken() {
    ConsoleTestClient ann =
        await(
            ConsoleTestClient.connect(
                vertx,
                new io.vertx.core.http.WebSocketClientOptions(),
                server.port(),
                null,
                java.util.List.of(ConsoleLimits.SUBPROTOCOL, "bearer.ann-token"),
                null));

    assertThat(ann.take().getString("type")).isEqualTo("snapshot");
    assertThat(ann.socket().subProtocol()).isEqualTo(ConsoleLimits.SUBPROTOCOL);
  }

  @Test
  void theTokenMayComeAsAQueryParameter() {
    ConsoleTestClient cat =
        await(ConsoleTestClient.connect(vertx, server.port(), "?token=cat-token", null, null));

    assertThat(cat.take().getJsonObject("data").getLong("userId")).isEqualTo(3L);
  }

  @Test
  void aPlainGetWithoutUpgradeIsRefusedWith400() {
    io.vertx.core.http.HttpClient client = vertx.createHttpClient();
    int status =
        await(
            client
                .request(io.vertx.core.http.HttpMethod.GET, server.port(), "127.0.0.1", "/ws")
                .compose(request -> request.send())
                .map(response -> response.statusCode())
                .eventually(client::close));

    assertThat(status).isEqualTo(400);
  }
}
