package io.switchboard.deploy.bench;

import io.switchboard.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the CRM tables of a migrated database with generated customers, in PostgreSQL by {@code
 * generate_series} (no rows cross the wire): customer {@code n} (1-based) is named {@code Customer
 * n} and has one mobile number {@code +86138NNNNNNNN} in E.164, the schema of V2 ({@code customers}
 * and {@code phone_numbers}). Blocking JDBC: call it from the main thread only.
 */
final class CustomerSeeder {

  private CustomerSeeder() {}

  static void seed(TestDatabase database, int customers) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO customers (kind, name, vip, customer_type, value_tier)"
              + " SELECT CASE WHEN g % 5 = 0 THEN 'organization' ELSE 'individual' END,"
              + " 'Customer ' || g, g % 50 = 0,"
              + " (ARRAY['direct', 'partner', 'supplier', 'reseller'])[1 + g % 4],"
              + " (ARRAY['a', 'b', 'c'])[1 + g % 3] FROM generate_series(1, "
              + customers
              + ") g");
      statement.execute(
          "INSERT INTO phone_numbers (customer_id, e164, as_entered, label)"
              + " SELECT id, '+86138' || lpad(n::text, 8, '0'), '138 ' || lpad(n::text, 8, '0'),"
              + " 'mobile' FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM customers) c");
      statement.execute("VACUUM ANALYZE");
      statement.execute("CHECKPOINT");
    }
  }
}
