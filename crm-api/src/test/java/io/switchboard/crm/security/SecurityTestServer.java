package io.switchboard.crm.security;

import io.switchboard.core.config.Mode;
import io.switchboard.core.config.SecuritySettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.core.redis.RedisDatabase;
import io.switchboard.crm.security.redis.SessionStore;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The CRM security on a real HTTP server (port 0) over a database and a Redis key prefix of its
 * own, as the node wires it: a body handler, the auth, users and audit routes, whatever routes a
 * test adds, and an error handler with the production error shape. {@link #prepare} and {@link
 * #close} block (JDBC, Lettuce sync) and belong in set-up and tear-down.
 */
public final class SecurityTestServer {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "bootstrap-admin-secret";

  /** The password of every user a test makes with {@link #createUser}. */
  public static final String PASSWORD = "a long enough password";

  private final TestDatabase testDatabase;
  private final TestRedis testRedis;
  private final SecuritySettings settings;
  private PostgresDatabase database;
  private RedisDatabase redis;
  private CrmSecurity security;
  private HttpServer server;
  private HttpClient client;
  private Context clientContext;

  private SecurityTestServer(
      TestDatabase testDatabase, TestRedis testRedis, SecuritySettings settings) {
    this.testDatabase = testDatabase;
    this.testRedis = testRedis;
    this.settings = settings;
  }

  /** Settings for tests: 3 failures per username, 8 per address, tokens for {@code ttl}. */
  public static SecuritySettings settings(Duration ttl) {
    return new SecuritySettings(
        ttl, 3, 8, Duration.ofMinutes(15), 2, ADMIN, Optional.of(ADMIN_PASSWORD));
  }

  /** A fresh migrated database and a fresh Redis prefix. Blocking. */
  public static SecurityTestServer prepare(SecuritySettings settings) throws SQLException {
    TestDatabase database = TestDatabase.create();
    return new SecurityTestServer(database, TestRedis.create(), settings);
  }

  /** Starts everything; {@code routes} adds a test's own routes before the error handler. */
  public Future<Void> start(Vertx vertx, Consumer<Router> routes) {
    database = PostgresDatabase.open(vertx, testDatabase.settings());
    redis = RedisDatabase.open(vertx, testRedis.settings());
    client = vertx.createHttpClient();
    clientContext = vertx.getOrCreateContext();
    return connected(vertx, 100)
        .compose(ready -> CrmSecurity.start(vertx, database, redis, settings, Mode.PRODUCTION))
        .compose(
            started -> {
              security = started;
              Router router = Router.router(vertx);
              router.route().handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
              security.mount(router);
              routes.accept(router);
              router.route().failureHandler(TestErrorResponses::handle);
              for (int status : new int[] {404, 405, 413, 500}) {
                router.errorHandler(status, TestErrorResponses::handle);
              }
              return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1");
            })
        .map(
            listening -> {
              server = listening;
              return null;
            });
  }

  /** Stops the server and closes the pools; then {@link #close} drops the data. */
  public Future<Void> stop() {
    Future<Void> http = server == null ? Future.succeededFuture() : server.close();
    return http.transform(ignored -> security == null ? Future.succeededFuture() : security.close())
        .transform(ignored -> client == null ? Future.succeededFuture() : client.close())
        .transform(ignored -> database == null ? Future.succeededFuture() : database.close())
        .transform(ignored -> redis == null ? Future.succeededFuture() : redis.close());
  }

  /** Drops the database and the Redis keys. Blocking. */
  public void close() {
    try {
      testRedis.close();
    } finally {
      testDatabase.close();
    }
  }

  public CrmSecurity security() {
    return security;
  }

  /** The pool the security parts use; valid once started. */
  public PostgresDatabase database() {
    return database;
  }

  public int port() {
    return server.actualPort();
  }

  public TestDatabase testDatabase() {
    return testDatabase;
  }

  /** Sends a request, with a bearer token and a JSON body when given. */
  public Future<HttpAnswer> request(HttpMethod method, String uri, String token, JsonObject body) {
    // On the client's event loop: a test thread attaching body() after the response has begun
    // to arrive would lose the body (Vert.x does not pause a response for a late handler).
    return Future.future(
        answer ->
            clientContext.runOnContext(start -> send(method, uri, token, body).onComplete(answer)));
  }

  private Future<HttpAnswer> send(HttpMethod method, String uri, String token, JsonObject body) {
    return client
        .request(method, port(), "127.0.0.1", uri)
        .compose(
            request -> {
              if (token != null) {
                request.putHeader("authorization", "Bearer " + token);
              }
              if (body == null) {
                return request.send();
              }
              request.putHeader("content-type", "application/json");
              return request.send(Buffer.buffer(body.encode()));
            })
        .compose(
            response ->
                response
                    .body()
                    .map(bytes -> HttpAnswer.of(response.statusCode(), response.headers(), bytes)));
  }

  /** Logs in through the API and answers the token (fails unless the answer is 200). */
  public Future<String> login(String username, String password) {
    return request(
            HttpMethod.POST,
            AuthRoutes.LOGIN,
            null,
            new JsonObject().put("username", username).put("password", password))
        .compose(
            answer ->
                answer.status() == 200
                    ? Future.succeededFuture(answer.json().getString("token"))
                    : Future.failedFuture("login of " + username + " answered " + answer));
  }

  /** Makes an active user with {@link #PASSWORD} and these roles, straight in the repository. */
  public Future<User> createUser(String username, Set<Role> roles) {
    return security
        .hasher()
        .hash(PASSWORD)
        .compose(
            hash ->
                security.users().create(new NewUser(username, username, true, roles), hash, null));
  }

  /** A token for {@code user} without going through the login route. */
  public Future<String> tokenFor(User user) {
    return security.sessions().issue(user.principal()).map(SessionStore.IssuedToken::token);
  }

  private Future<Void> connected(Vertx vertx, int attempts) {
    return redis
        .healthCheck()
        .check()
        .recover(
            notYet -> {
              if (attempts <= 1) {
                return Future.failedFuture(notYet);
              }
              Promise<Void> retried = Promise.promise();
              vertx.setTimer(50, tick -> connected(vertx, attempts - 1).onComplete(retried));
              return retried.future();
            });
  }
}
