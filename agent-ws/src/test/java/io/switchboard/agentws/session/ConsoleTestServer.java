package io.switchboard.agentws.session;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.config.ConsoleSettings;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.ConsoleCommand;
import io.switchboard.core.console.ConsoleMessage;
import io.switchboard.core.console.SnapshotRequest;
import io.switchboard.core.console.TokenVerifyRequest;
import io.switchboard.core.console.VerifiedUser;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The console sessions on a real HTTP server (port 0), with the HTTP options the node sets, and the
 * event-bus services a session talks to answered by test consumers: tokens from a fixed map,
 * snapshots numbered, and the commands of domain {@code test} ({@code console.command.test}):
 * {@code test.echo} (answers {@code test.echo.reply}) and {@code test.fail} (fails 409). No other
 * domain has a consumer.
 */
final class ConsoleTestServer {

  static final VerifiedUser ANN = new VerifiedUser(1, "ann", List.of("agent"));
  static final VerifiedUser BOB = new VerifiedUser(2, "bob", List.of("supervisor"));
  static final VerifiedUser CAT = new VerifiedUser(3, "cat", List.of("agent"));
  static final Map<String, VerifiedUser> TOKENS =
      Map.of("ann-token", ANN, "bob-token", BOB, "cat-token", CAT);

  /** The one origin besides the server's own that the test settings allow. */
  static final String ALLOWED_ORIGIN = "https://console.example.com";

  static final Duration HEARTBEAT = Duration.ofMillis(100);
  static final int REPLAY_SIZE = 5;
  static final int OUTBOUND_QUEUE = 16;

  final Vertx vertx;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final AtomicInteger snapshots = new AtomicInteger();
  private final ConsoleSettings settings;
  private HttpServer server;
  private String deploymentId;

  ConsoleTestServer(Vertx vertx) {
    this(vertx, HEARTBEAT);
  }

  ConsoleTestServer(Vertx vertx, Duration heartbeat) {
    this.vertx = vertx;
    this.settings =
        new ConsoleSettings(
            heartbeat,
            2,
            REPLAY_SIZE,
            Duration.ofMinutes(5),
            OUTBOUND_QUEUE,
            List.of(ALLOWED_ORIGIN));
  }

  Future<Void> start() {
    ConsoleSessions sessions = new ConsoleSessions(settings, registry);
    vertx
        .eventBus()
        .<JsonObject>consumer(
            ConsoleAddresses.AUTH_TOKEN_VERIFY,
            message -> {
              VerifiedUser user = TOKENS.get(TokenVerifyRequest.fromJson(message.body()).token());
              if (user == null) {
                message.fail(401, "unknown token");
              } else {
                message.reply(user.toJson());
              }
            });
    vertx
        .eventBus()
        .<JsonObject>consumer(
            ConsoleAddresses.SNAPSHOT,
            message -> {
              SnapshotRequest request = SnapshotRequest.fromJson(message.body());
              message.reply(
                  new JsonObject()
                      .put("userId", request.userId())
                      .put("username", request.username())
                      .put("roles", new JsonArray(request.roles()))
                      .put("snapshotNo", snapshots.incrementAndGet()));
            });
    vertx
        .eventBus()
        .<JsonObject>consumer(
            ConsoleAddresses.commandAddress("test"),
            message -> {
              ConsoleCommand command = ConsoleCommand.fromJson(message.body());
              if (command.type().equals("test.fail")) {
                message.fail(409, "nope: " + command.username());
              } else {
                message.reply(
                    new ConsoleMessage(
                            command.type() + ".reply",
                            command.data().copy().put("from", command.username()))
                        .toJson());
              }
            });
    HttpServerOptions options =
        new HttpServerOptions()
            .setMaxWebSocketFrameSize(ConsoleLimits.MAX_FRAME_BYTES)
            .setMaxWebSocketMessageSize(ConsoleLimits.MAX_MESSAGE_BYTES)
            .setWebSocketSubProtocols(ConsoleLimits.SERVER_SUBPROTOCOLS)
            .setWebSocketClosingTimeout(1);
    return vertx
        .deployVerticle(sessions)
        .compose(
            deployed -> {
              deploymentId = deployed;
              Router router = Router.router(vertx);
              new ConsoleRoutes(vertx, sessions, settings).mount(router);
              router.route().failureHandler(ConsoleTestServer::fail);
              return vertx.createHttpServer(options).requestHandler(router).listen(0, "127.0.0.1");
            })
        .map(
            listening -> {
              server = listening;
              return null;
            });
  }

  /** Undeploys the sessions verticle, as the node does when it stops. */
  Future<Void> stopSessions() {
    return vertx.undeploy(deploymentId);
  }

  /** Shuts the HTTP server down as the node does when it stops (a 3 s drain). */
  Future<Void> shutdownHttp() {
    return server.shutdown(3, TimeUnit.SECONDS);
  }

  int port() {
    return server.actualPort();
  }

  void publishToUser(long userId, String type, JsonObject data) {
    vertx
        .eventBus()
        .publish(ConsoleAddresses.toUser(userId), new ConsoleMessage(type, data).toJson());
  }

  void publishToRole(String role, String type, JsonObject data) {
    vertx
        .eventBus()
        .publish(ConsoleAddresses.toRole(role), new ConsoleMessage(type, data).toJson());
  }

  double sessionsHolding(String role) {
    return registry.get("switchboard.console.sessions").tag("role", role).gauge().value();
  }

  double slowClientsCut() {
    return registry.get("switchboard.console.slow.clients.cut").counter().count();
  }

  /** Waits (without blocking an event loop) until {@code condition} holds, at most 10 s. */
  void until(BooleanSupplier condition) {
    Promise<Void> met = Promise.promise();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    poll(condition, deadline, met);
    await(met.future());
  }

  private void poll(BooleanSupplier condition, long deadline, Promise<Void> met) {
    if (condition.getAsBoolean()) {
      met.complete();
    } else if (System.nanoTime() > deadline) {
      met.fail("the condition did not hold within 10 s");
    } else {
      vertx.setTimer(10, tick -> poll(condition, deadline, met));
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
  }

  private static void fail(io.vertx.ext.web.RoutingContext context) {
    int status =
        context.failure() instanceof SwitchboardException known ? known.code().httpStatus() : 500;
    String message = context.failure() == null ? "" : context.failure().getMessage();
    context.response().setStatusCode(status).end(message);
  }
}
