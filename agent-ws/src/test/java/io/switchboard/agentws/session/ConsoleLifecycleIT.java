package io.switchboard.agentws.session;

import static io.switchboard.agentws.session.ConsoleTestServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sessions per user are bounded, and stopping the node closes every session as going away. */
@ExtendWith(VertxExtension.class)
class ConsoleLifecycleIT {

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
  void aUserBeyondTheSessionLimitHasTheNewestSessionClosed() {
    List<ConsoleTestClient> tabs = new ArrayList<>();
    for (int n = 0; n < ConsoleLimits.MAX_SESSIONS_PER_USER; n++) {
      tabs.add(connected("ann-token"));
    }

    ConsoleTestClient oneTooMany =
        await(ConsoleTestClient.connect(vertx, server.port(), "ann-token"));

    assertThat(await(oneTooMany.closed())).isEqualTo(ConsoleLimits.CLOSE_POLICY);
    assertThat(server.sessionsHolding("agent")).isEqualTo(ConsoleLimits.MAX_SESSIONS_PER_USER);
    assertThat(tabs).noneMatch(tab -> tab.closed().isComplete());
  }

  @Test
  void stoppingTheSessionsClosesEverySessionAsGoingAway() {
    ConsoleTestClient ann = connected("ann-token");
    ConsoleTestClient bob = connected("bob-token");

    await(server.stopSessions());

    assertThat(await(ann.closed())).isEqualTo(ConsoleLimits.CLOSE_GOING_AWAY);
    assertThat(await(bob.closed())).isEqualTo(ConsoleLimits.CLOSE_GOING_AWAY);
    assertThat(server.sessionsHolding("agent")).isZero();
    assertThat(server.sessionsHolding("supervisor")).isZero();
  }

  @Test
  void theHttpServerShuttingDownClosesEverySessionAsGoingAway() {
    ConsoleTestClient ann = connected("ann-token");

    await(server.shutdownHttp());

    // Vert.x itself would close with 1000 once the drain time is over.
    assertThat(await(ann.closed())).isEqualTo(ConsoleLimits.CLOSE_GOING_AWAY);
    assertThat(server.sessionsHolding("agent")).isZero();
  }
}
