package io.switchboard.agentws.call;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.persistence.CallWrapUpRepository;
import io.switchboard.agentws.testbus.AgentNode;
import io.switchboard.agentws.testbus.FakeAmiActions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * An agent-state node ({@link AgentNode}: real PostgreSQL and Redis, the AMI bridge answered by
 * {@link FakeAmiActions}) with the call actions deployed beside the agent states.
 */
final class CallTestNode {

  static final CallActionSettings SETTINGS =
      new CallActionSettings(
          "from-internal", "queues", "CN", Duration.ofSeconds(30), Duration.ofMinutes(2));

  final AgentNode agents;

  CallTestNode(AgentNode agents) {
    this.agents = agents;
  }

  /** Starts the agent node, then the call actions on its clock. */
  Future<Void> start() {
    return agents.start().compose(started -> deployCallActions());
  }

  /** Deploys a new call-actions verticle (as a node that starts), knowing no call yet. */
  Future<Void> deployCallActions() {
    return agents
        .vertx
        .deployVerticle(
            new CallActionsVerticle(
                SETTINGS, new CallWrapUpRepository(agents.database.pool()), agents.clock))
        .mapEmpty();
  }

  FakeAmiActions pbx() {
    return agents.pbx;
  }

  /** Logs {@code userId} in at {@code phone} to queue sales. */
  Future<JsonObject> login(long userId, String phone) {
    return agents.command(
        userId,
        ConsoleBusAddresses.AGENT_LOGIN,
        new JsonObject().put("interface", phone).put("queues", new JsonArray().add("sales")));
  }

  /** A call command as the session layer sends it, from a user holding {@code role}. */
  Future<JsonObject> command(long userId, String role, String type, JsonObject data) {
    JsonObject request =
        new JsonObject()
            .put("userId", userId)
            .put("username", "user" + userId)
            .put("roles", new JsonArray().add(role))
            .put("type", type)
            .put("data", data);
    return agents
        .vertx
        .eventBus()
        .<JsonObject>request(CallMessages.COMMAND_ADDRESS, request)
        .map(Message::body);
  }

  /** A call command of an agent. */
  Future<JsonObject> command(long userId, String type, JsonObject data) {
    return command(userId, "agent", type, data);
  }

  /** A new customer; its id. */
  Future<Long> customer(String name) {
    return query(
            "INSERT INTO customers (kind, name) VALUES ('individual', $1) RETURNING id",
            Tuple.of(name))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<RowSet<Row>> query(String sql, Tuple arguments) {
    return agents.database.pool().preparedQuery(sql).execute(arguments);
  }

  /**
   * Writes a call log row the way the AMI bridge's call log writer does: under the call's wrap-up
   * lock, then applying a waiting wrap-up, in one transaction.
   */
  Future<Void> writeCallLog(String serverId, String linkedId, String outcome) {
    Tuple key = Tuple.of(serverId, linkedId);
    return agents
        .database
        .pool()
        .withTransaction(
            connection ->
                connection
                    .preparedQuery("SELECT lock_call_wrapup($1, $2)")
                    .execute(key)
                    .compose(
                        locked ->
                            connection
                                .preparedQuery(
                                    "INSERT INTO call_logs (server_id, linked_id, direction,"
                                        + " started_at, ended_at, outcome)"
                                        + " VALUES ($1, $2, 'inbound', now(), now(), $3)")
                                .execute(Tuple.of(serverId, linkedId, outcome)))
                    .compose(
                        inserted ->
                            connection
                                .preparedQuery("SELECT apply_call_wrapup($1, $2)")
                                .execute(key)))
        .mapEmpty();
  }

  /** The first row of a query, once {@code ready} holds for it (tried every 20 ms, 250 times). */
  Future<Row> eventually(String sql, Tuple arguments, Function<Row, Boolean> ready) {
    return eventually(sql, arguments, ready, 250);
  }

  private Future<Row> eventually(
      String sql, Tuple arguments, Function<Row, Boolean> ready, int attempts) {
    return query(sql, arguments)
        .compose(
            rows -> {
              Row row = rows.size() == 0 ? null : rows.iterator().next();
              if (row != null && ready.apply(row)) {
                return Future.succeededFuture(row);
              }
              if (attempts <= 1) {
                return Future.failedFuture(
                    new AssertionError("never true: " + sql + " " + arguments.deepToString()));
              }
              Promise<Row> later = Promise.promise();
              agents.vertx.setTimer(
                  20, tick -> eventually(sql, arguments, ready, attempts - 1).onComplete(later));
              return later.future();
            });
  }

  /** Every AMI request so far, without the fake's address field, to compare whole requests. */
  List<JsonObject> requests(String address) {
    return pbx().requests(address).stream()
        .map(
            request -> {
              JsonObject copy = request.copy();
              copy.remove("address");
              return copy;
            })
        .toList();
  }
}
