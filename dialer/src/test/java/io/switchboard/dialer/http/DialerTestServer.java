package io.switchboard.dialer.http;

import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.console.TokenVerifyRequest;
import io.switchboard.core.console.VerifiedUser;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.dialer.DialerModule;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.switchboard.testsupport.HttpReply;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestErrorResponses;
import io.switchboard.testsupport.TestHttpClient;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The dialer on a real HTTP server (port 0) over a fresh migrated database, started and mounted by
 * {@link DialerModule} as the node does (default settings: region CN): behind a body handler, after
 * a stand-in for the CRM's own {@code /api/v1} sub-router (so requests must fall through it),
 * before a failure handler that writes the node's error JSON. Login tokens are answered on {@code
 * auth.token.verify} by a stand-in for crm-api: users 1 admin, 2 supervisor, 3 agent. The clock is
 * the test's.
 */
final class DialerTestServer {

  static final String ADMIN = "admin-token-0000000000000001";
  static final String SUPERVISOR = "supervisor-token-000000000002";
  static final String AGENT = "agent-token-0000000000000003";

  /** The body limit of the test server (the node's default). */
  static final int BODY_LIMIT = 1_048_576;

  /** Wednesday 12 March 2025, 06:00 UTC: 14:00 in Shanghai, 02:00 in New York. */
  static final Instant START = Instant.parse("2025-03-12T06:00:00Z");

  private static final Map<String, VerifiedUser> TOKENS =
      Map.of(
          ADMIN, new VerifiedUser(1, "admin", List.of("admin")),
          SUPERVISOR, new VerifiedUser(2, "sue", List.of("supervisor")),
          AGENT, new VerifiedUser(3, "alice", List.of("agent")));

  final TestDatabase database;
  final PostgresDatabase postgres;
  final MutableClock clock;
  final DialerRepositories repositories;
  final DialerApi api;
  private final HttpServer server;
  private final TestHttpClient client;
  private final Vertx vertx;
  private MessageConsumer<JsonObject> tokens;

  private DialerTestServer(
      TestDatabase database,
      PostgresDatabase postgres,
      MutableClock clock,
      DialerRepositories repositories,
      DialerApi api,
      HttpServer server,
      TestHttpClient client,
      Vertx vertx,
      MessageConsumer<JsonObject> tokens) {
    this.vertx = vertx;
    this.database = database;
    this.postgres = postgres;
    this.clock = clock;
    this.repositories = repositories;
    this.api = api;
    this.server = server;
    this.client = client;
    this.tokens = tokens;
  }

  /** Starts everything; blocks while the database is created (call from set-up). */
  static DialerTestServer start(Vertx vertx) {
    TestDatabase database = TestDatabase.create();
    execute(
        database,
        "INSERT INTO users (username, display_name) VALUES ('admin', 'Admin'),"
            + " ('sue', 'Sue Supervisor'), ('alice', 'Alice Agent')",
        "INSERT INTO user_roles VALUES (1, 'admin'), (2, 'supervisor'), (3, 'agent')");
    PostgresDatabase postgres = PostgresDatabase.open(vertx, database.settings());
    MutableClock clock = new MutableClock(START);
    DialerModule module =
        await(
            DialerModule.start(
                vertx, postgres, SwitchboardSettings.from(RawSettings.defaults()), clock));
    MessageConsumer<JsonObject> tokens = answerTokens(vertx);
    Router root = Router.router(vertx);
    root.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    Router crmStandIn = Router.router(vertx);
    crmStandIn
        .get("/customers")
        .handler(context -> context.response().end(new JsonObject().put("crm", true).encode()));
    root.route(DialerApi.BASE_PATH + "/*").subRouter(crmStandIn);
    module.mount(root);
    TestErrorResponses.install(root);
    HttpServer server =
        await(
            tokens
                .completion()
                .compose(
                    registered ->
                        vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1")));
    return new DialerTestServer(
        database,
        postgres,
        clock,
        module.repositories(),
        module.api(),
        server,
        new TestHttpClient(vertx, server.actualPort(), DialerApi.BASE_PATH),
        vertx,
        tokens);
  }

  /** The stand-in for crm-api's {@code auth.token.verify} consumer. */
  private static MessageConsumer<JsonObject> answerTokens(Vertx vertx) {
    return vertx
        .eventBus()
        .consumer(
            ConsoleAddresses.AUTH_TOKEN_VERIFY,
            message -> {
              VerifiedUser user = TOKENS.get(TokenVerifyRequest.fromJson(message.body()).token());
              if (user == null) {
                message.fail(ErrorCode.UNAUTHENTICATED.busFailureCode(), "unknown token");
              } else {
                message.reply(user.toJson());
              }
            });
  }

  void stop() {
    try {
      await(
          client
              .close()
              .compose(done -> server.close())
              .compose(
                  done -> tokens.isRegistered() ? tokens.unregister() : Future.succeededFuture())
              .compose(done -> postgres.close()));
    } finally {
      database.close();
    }
  }

  /** Stops answering token checks, as when crm-api is not running. */
  void stopAnsweringTokens() {
    await(tokens.unregister());
  }

  /** Answers token checks again. */
  void resumeAnsweringTokens() {
    tokens = answerTokens(vertx);
    await(tokens.completion());
  }

  /** Runs SQL on the test database (blocking JDBC: from the test thread only). */
  static void execute(TestDatabase database, String... statements) {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
  }

  void execute(String... statements) {
    execute(database, statements);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
  }

  HttpReply get(String path, String token) {
    return send(HttpMethod.GET, path, token, null, null);
  }

  HttpReply post(String path, String token, JsonObject body) {
    return send(
        HttpMethod.POST, path, token, body == null ? null : body.toBuffer(), "application/json");
  }

  HttpReply patch(String path, String token, JsonObject body) {
    return send(HttpMethod.PATCH, path, token, body.toBuffer(), "application/json");
  }

  HttpReply delete(String path, String token) {
    return send(HttpMethod.DELETE, path, token, null, null);
  }

  HttpReply csv(String path, String token, String csv) {
    return send(HttpMethod.POST, path, token, Buffer.buffer(csv), "text/csv; charset=utf-8");
  }

  /** Any request below /api/v1; a null token sends no credentials. Blocks the test thread. */
  HttpReply send(HttpMethod method, String path, String token, Buffer body, String contentType) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (token != null) {
      headers.add("authorization", "Bearer " + token);
    }
    return await(client.send(method, path, headers, body, contentType));
  }
}
