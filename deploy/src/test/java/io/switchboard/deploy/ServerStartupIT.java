package io.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.PrometheusTextFormat;
import io.switchboard.testsupport.TestDatabase;
import io.switchboard.testsupport.TestRedis;
import io.switchboard.testsupport.TestServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, configured with PostgreSQL and Redis the way an operator configures them (from the
 * environment, or embedded ones the test support started): it migrates the schema, becomes ready,
 * serves valid Prometheus metrics and JSON errors, and on SIGTERM exits 0 within 10 s.
 */
class ServerStartupIT {

  @TempDir Path directory;

  @Test
  void aConfiguredServerBecomesReadyServesMetricsAndStopsCleanlyOnSigterm() throws Exception {
    System.err.println("ServerStartupIT uses " + TestServices.describe());
    try (TestDatabase database = TestDatabase.createEmpty();
        TestRedis redis = TestRedis.create();
        ServerProcess server =
            ServerProcess.start(
                directory,
                ServiceUrls.productionEnvironment(database, redis, ADMIN_PASSWORD, Map.of()))) {
      int port = server.awaitReady(Duration.ofSeconds(60));

      assertReady(port);
      assertTheCrmApiIsMountedAndGuarded(port);
      assertThat(server.output()).doesNotContain("Started embedded");
      assertSchemaMigrated(database);
      assertMetricsAreValidPrometheusText(port);
      assertErrorsAreJson(port);

      long signalled = System.nanoTime();
      server.terminate();
      assertThat(server.awaitExit(Duration.ofSeconds(10))).as(server.output()).hasValue(0);
      assertThat(Duration.ofNanos(System.nanoTime() - signalled))
          .isLessThan(Duration.ofSeconds(10));
      assertThat(server.output()).contains("Stopped");
    }
  }

  private static final String ADMIN_PASSWORD = "startup-test admin password";

  /** The first admin logs in and looks a caller up; without a token the API answers 401. */
  private static void assertTheCrmApiIsMountedAndGuarded(int port) throws Exception {
    HttpResponse<String> anonymous = ServerProcess.get(port, "/api/v1/customers?limit=1");
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);
    assertThat(new JsonObject(anonymous.body()).getJsonObject("error").getString("code"))
        .isEqualTo("UNAUTHENTICATED");

    String token = ServerProcess.login(port, "admin", ADMIN_PASSWORD);

    HttpResponse<String> created =
        ServerProcess.sendJson(
            port,
            "POST",
            "/api/v1/customers",
            token,
            new JsonObject()
                .put("kind", "individual")
                .put("name", "Han Meimei")
                .put(
                    "phones",
                    new JsonArray().add(new JsonObject().put("number", "+86 138 0013 8000")))
                .encode());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    HttpResponse<String> lookup =
        ServerProcess.sendJson(
            port, "GET", "/api/v1/customers/lookup?phone=013800138000", token, null);
    assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
    assertThat(lookup.body()).contains("Han Meimei");
  }

  private static void assertReady(int port) throws Exception {
    HttpResponse<String> live = ServerProcess.get(port, "/health/live");
    assertThat(live.statusCode()).isEqualTo(200);

    HttpResponse<String> ready = ServerProcess.get(port, "/health/ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    JsonObject body = new JsonObject(ready.body());
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getJsonArray("down")).isEmpty();
    JsonArray checks = body.getJsonArray("checks");
    assertThat(checks.stream().map(check -> ((JsonObject) check).getString("name")))
        .containsExactly("postgres", "redis");
  }

  private static void assertSchemaMigrated(TestDatabase database) throws Exception {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_name IN"
                    + " ('call_logs', 'customers', 'agent_state_history', 'callbacks')")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(4);
    }
  }

  private static void assertMetricsAreValidPrometheusText(int port) throws Exception {
    ServerProcess.get(port, "/health/ready");
    HttpResponse<String> metrics = ServerProcess.get(port, "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    String text = metrics.body();

    assertThat(PrometheusTextFormat.problems(text)).isEmpty();
    assertThat(PrometheusTextFormat.types(text))
        .containsEntry("jvm_memory_used_bytes", "gauge")
        .containsEntry("jvm_gc_pause_seconds", "summary")
        .containsEntry("process_uptime_seconds", "gauge")
        .containsEntry("vertx_http_server_requests_total", "counter")
        .containsEntry("vertx_pool_in_use", "gauge")
        .containsEntry("switchboard_health_component_up", "gauge");
    assertThat(text)
        .contains("switchboard_health_component_up{component=\"postgres\"} 1.0")
        .contains("switchboard_health_component_up{component=\"redis\"} 1.0");

    if ("true".equals(System.getenv("CI"))) {
      assertThat(PrometheusTextFormat.promtoolAvailable()).as("CI installs promtool").isTrue();
    }
    if (PrometheusTextFormat.promtoolAvailable()) {
      assertThat(PrometheusTextFormat.promtoolProblems(text)).isEmpty();
    }
  }

  private static void assertErrorsAreJson(int port) throws Exception {
    HttpResponse<String> missing = ServerProcess.get(port, "/no/such/thing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonObject error = new JsonObject(missing.body()).getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("NOT_FOUND");
    assertThat(error.getInteger("status")).isEqualTo(404);
    assertThat(error.getString("message")).contains("/no/such/thing");

    HttpResponse<String> wrongMethod = ServerProcess.send(port, "DELETE", "/metrics");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(new JsonObject(wrongMethod.body()).getJsonObject("error").getString("code"))
        .isEqualTo("METHOD_NOT_ALLOWED");
  }
}
