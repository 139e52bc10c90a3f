package io.switchboard.deploy.bench;

import io.switchboard.deploy.ServerProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates agent users on a running node through its REST API as the bootstrap admin, as an operator
 * would ({@code POST /api/v1/users}, then each agent's own {@code POST /api/v1/auth/login}), a few
 * requests at a time: every one costs an argon2id hash on the node's small hashing pool. Blocking
 * HTTP: call it from the main thread only.
 */
final class AgentAccounts {

  static final String PASSWORD = "bench agent password";
  private static final int IN_FLIGHT = 4;

  private AgentAccounts() {}

  /** The bootstrap admin's token. */
  static String adminToken(int port, String password) throws Exception {
    return login(port, "admin", password).getString("token");
  }

  /** Agents {@code 0..count-1}: user {@code bench-agent-NNNNN}, phone and queue by index. */
  static List<BenchAgent> create(int port, String adminToken, int count, int queues)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      List<Future<BenchAgent>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        pending.add(pool.submit(() -> createOne(port, adminToken, index, queues)));
      }
      List<BenchAgent> agents = new ArrayList<>();
      for (Future<BenchAgent> agent : pending) {
        agents.add(agent.get());
      }
      return agents;
    } finally {
      pool.shutdownNow();
    }
  }

  private static BenchAgent createOne(int port, String adminToken, int index, int queues)
      throws Exception {
    String username = String.format(Locale.ROOT, "bench-agent-%05d", index);
    JsonObject user =
        new JsonObject()
            .put("username", username)
            .put("displayName", "Bench agent " + index)
            .put("password", PASSWORD)
            .put("roles", new JsonArray().add("agent"));
    HttpResponse<String> created =
        ServerProcess.sendJson(port, "POST", "/api/v1/users", adminToken, user.encode());
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "creating " + username + ": " + created.statusCode() + " " + created.body());
    }
    JsonObject session = login(port, username, PASSWORD);
    return new BenchAgent(
        session.getJsonObject("user").getLong("id"),
        username,
        session.getString("token"),
        BenchScenario.phone(index),
        BenchScenario.queue(index % queues));
  }

  private static JsonObject login(int port, String username, String password) throws Exception {
    HttpResponse<String> login =
        ServerProcess.sendJson(
            port,
            "POST",
            "/api/v1/auth/login",
            null,
            new JsonObject().put("username", username).put("password", password).encode());
    if (login.statusCode() != 200) {
      throw new IllegalStateException(
          "login of " + username + ": " + login.statusCode() + " " + login.body());
    }
    return new JsonObject(login.body());
  }
}
