package io.switchboard.deploy.ami;

import io.switchboard.core.config.PostgresAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the call logs of one server back with JDBC, as a report would: each {@code call_logs} row
 * with its legs, offers and transfers. Blocking; the test thread only.
 */
final class CallLogTable {

  private final PostgresAddress address;
  private final String serverId;

  CallLogTable(PostgresAddress address, String serverId) {
    this.address = address;
    this.serverId = serverId;
  }

  /** One call log as stored. */
  record LoggedCall(
      CallSummary summary,
      Instant startedAt,
      Instant answeredAt,
      Instant endedAt,
      String agentInterface,
      String callerNumber) {}

  /** Rows of the server, 0 when the table cannot be read (PostgreSQL away). */
  long count() {
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT count(*) FROM call_logs WHERE server_id = ?")) {
      query.setString(1, serverId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException unavailable) {
      return 0;
    }
  }

  /** Linked ids logged more than once (the unique key should make this empty). */
  List<String> duplicates() throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT linked_id FROM call_logs WHERE server_id = ? GROUP BY linked_id"
                    + " HAVING count(*) > 1")) {
      query.setString(1, serverId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  /** Every call log of the server by linked id. */
  Map<String, LoggedCall> read() throws SQLException {
    try (Connection connection = connect()) {
      Map<Long, List<String>> legs = children(connection, "call_log_legs", "role", "id");
      Map<Long, List<String>> offers = children(connection, "call_log_offers", "result", "seq");
      Map<Long, List<String>> transfers = children(connection, "call_log_transfers", "kind", "seq");
      Map<String, LoggedCall> calls = new LinkedHashMap<>();
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT * FROM call_logs WHERE server_id = ? ORDER BY started_at, id")) {
        query.setString(1, serverId);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            long id = rows.getLong("id");
            LoggedCall call =
                new LoggedCall(
                    new CallSummary(
                        rows.getString("linked_id"),
                        rows.getString("direction"),
                        rows.getString("outcome"),
                        rows.getString("queue"),
                        rows.getLong("wait_ms"),
                        rows.getLong("talk_ms"),
                        rows.getLong("hold_ms"),
                        rows.getString("hangup_by"),
                        rows.getString("originate_id"),
                        rows.getString("amd_status"),
                        rows.getString("recording_file"),
                        rows.getBoolean("reconciled"),
                        legs.getOrDefault(id, List.of()),
                        offers.getOrDefault(id, List.of()),
                        transfers.getOrDefault(id, List.of())),
                    instant(rows.getTimestamp("started_at")),
                    instant(rows.getTimestamp("answered_at")),
                    instant(rows.getTimestamp("ended_at")),
                    rows.getString("agent_interface"),
                    rows.getString("caller_number"));
            calls.put(call.summary().linkedId(), call);
          }
        }
      }
      return calls;
    }
  }

  private Map<Long, List<String>> children(
      Connection connection, String table, String column, String order) throws SQLException {
    Map<Long, List<String>> byCall = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT t.call_log_id, t."
                + column
                + " FROM "
                + table
                + " t JOIN call_logs c ON c.id = t.call_log_id WHERE c.server_id = ?"
                + " ORDER BY t.call_log_id, t."
                + order)) {
      query.setString(1, serverId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          byCall.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    return byCall;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
  }
}
