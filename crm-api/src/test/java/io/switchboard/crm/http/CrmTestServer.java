package io.switchboard.crm.http;

import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.crm.persistence.CrmRepositories;
import io.switchboard.testsupport.HttpReply;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestErrorResponses;
import io.switchboard.testsupport.TestHttpClient;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The CRM API on a real HTTP server (port 0) over a fresh migrated database, mounted under {@code
 * /api/v1} as the node mounts it, with the test guard, the masking test policy and a failure
 * handler that writes the node's error JSON. Users 1 to 4 exist: admin, supervisor, agent, agent.
 */
final class CrmTestServer {

  static final String ADMIN = "1:admin";
  static final String SUPERVISOR = "2:supervisor";
  static final String AGENT = "3:agent";
  static final String OTHER_AGENT = "4:agent";

  /** The body limit of the test server (the node's default). */
  static final int BODY_LIMIT = 1_048_576;

  final TestDatabase database;
  final PostgresDatabase postgres;
  private final HttpServer server;
  private final TestHttpClient client;

  private CrmTestServer(
      TestDatabase database, PostgresDatabase postgres, HttpServer server, TestHttpClient client) {
    this.database = database;
    this.postgres = postgres;
    this.server = server;
    this.client = client;
  }

  /** Starts everything; blocks while the database is created (call from set-up, not a loop). */
  static Future<CrmTestServer> start(Vertx vertx) {
    TestDatabase database = TestDatabase.create();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO users (username, display_name) VALUES ('admin', 'Admin'),"
              + " ('sue', 'Sue Supervisor'), ('alice', 'Alice Agent'), ('bob', 'Bob Agent')");
      statement.execute(
          "INSERT INTO user_roles VALUES (1, 'admin'), (2, 'supervisor'), (3, 'agent'),"
              + " (4, 'agent')");
    } catch (SQLException failed) {
      database.close();
      throw new IllegalStateException(failed);
    }
    PostgresDatabase postgres = PostgresDatabase.open(vertx, database.settings());
    CrmApi api =
        new CrmApi(
            vertx,
            CrmRepositories.over(postgres),
            new PhoneNormalizer("CN"),
            new TestGuard(),
            new TestMaskingPolicy());
    Router root = Router.router(vertx);
    root.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    root.route(CrmApi.BASE_PATH + "/*").subRouter(api.router());
    TestErrorResponses.install(root);
    return vertx
        .createHttpServer()
        .requestHandler(root)
        .listen(0, "127.0.0.1")
        .map(
            server ->
                new CrmTestServer(
                    database,
                    postgres,
                    server,
                    new TestHttpClient(vertx, server.actualPort(), CrmApi.BASE_PATH)));
  }

  Future<Void> stop() {
    return client
        .close()
        .compose(done -> server.close())
        .compose(done -> postgres.close())
        .eventually(
            () -> {
              database.close();
              return Future.succeededFuture();
            });
  }

  Future<HttpReply> get(String path, String user) {
    return send(HttpMethod.GET, path, user, null, null);
  }

  Future<HttpReply> post(String path, String user, JsonObject body) {
    return send(
        HttpMethod.POST, path, user, body == null ? null : body.toBuffer(), "application/json");
  }

  Future<HttpReply> patch(String path, String user, JsonObject body) {
    return send(HttpMethod.PATCH, path, user, body.toBuffer(), "application/json");
  }

  Future<HttpReply> put(String path, String user, JsonObject body) {
    return send(HttpMethod.PUT, path, user, body.toBuffer(), "application/json");
  }

  Future<HttpReply> delete(String path, String user) {
    return send(HttpMethod.DELETE, path, user, null, null);
  }

  /** Any request; {@code path} is below /api/v1 and a null user sends no credentials. */
  Future<HttpReply> send(
      HttpMethod method, String path, String user, Buffer body, String contentType) {
    MultiMap headers = none();
    if (user != null) {
      headers.add(TestGuard.HEADER, user);
    }
    return client.send(method, path, headers, body, contentType);
  }

  /** A fresh valid Chinese mobile number, so that tests never share numbers. */
  static String mobile() {
    return "+86 139 " + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  /** A name no other test uses. */
  static String unique(String prefix) {
    return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  }

  static MultiMap none() {
    return MultiMap.caseInsensitiveMultiMap();
  }
}
