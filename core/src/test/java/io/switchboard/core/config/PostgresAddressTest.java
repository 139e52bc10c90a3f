package io.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresAddressTest {

  @Test
  void aFullUrlGivesEveryPart() {
    assertThat(PostgresAddress.parse("postgresql://app:s3cret@db.internal:6432/calls"))
        .isEqualTo(new PostgresAddress("db.internal", 6432, "calls", "app", "s3cret"));
  }

  @Test
  void thePortDefaultsTo5432AndThePasswordToNone() {
    assertThat(PostgresAddress.parse("postgresql://postgres@127.0.0.1/postgres"))
        .isEqualTo(new PostgresAddress("127.0.0.1", 5432, "postgres", "postgres", null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgres://app:pw@db:5432/calls",
        "jdbc:postgresql://db:5432/calls?user=app&password=pw",
        "postgresql://db:5432/calls?password=pw&user=app"
      })
  void postgresAndJdbcSpellingsAreAccepted(String url) {
    assertThat(PostgresAddress.parse(url))
        .isEqualTo(new PostgresAddress("db", 5432, "calls", "app", "pw"));
  }

  @Test
  void percentEncodedCredentialsAreDecoded() {
    PostgresAddress address = PostgresAddress.parse("postgresql://call%40center:p%3Aw%2F@db/x");

    assertThat(address.user()).isEqualTo("call@center");
    assertThat(address.password()).isEqualTo("p:w/");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mysql://app@db/calls            | must start with postgresql:// (got scheme mysql)",
        "db:5432/calls                   | must start with postgresql://",
        "postgresql:///calls             | has no host",
        "postgresql://app@db:5432        | must name one database after the host",
        "postgresql://app@db/            | must name one database after the host",
        "postgresql://app@db/calls/extra | must name one database after the host",
        "postgresql://db/calls           | names no user",
        "postgresql://app@db/x?ssl=true  | has unsupported parameter 'ssl'",
        "postgresql://app@db/x y         | is not a URL"
      })
  void aMalformedUrlSaysWhatIsWrong(String url, String problem) {
    assertThatThrownBy(() -> PostgresAddress.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void thePrintedFormHidesThePassword() {
    PostgresAddress address = PostgresAddress.parse("postgresql://app:s3cret@db/calls");

    assertThat(address.toString())
        .isEqualTo("postgresql://app:***@db:5432/calls")
        .doesNotContain("s3cret");
    assertThat(address.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/calls");
  }

  @Test
  void anotherDatabaseKeepsServerAndCredentials() {
    PostgresAddress admin = PostgresAddress.parse("postgresql://app:pw@db:5433/postgres");

    assertThat(admin.withDatabase("calls"))
        .isEqualTo(new PostgresAddress("db", 5433, "calls", "app", "pw"));
  }

  @Test
  void aPlusInThePasswordIsKept() {
    assertThat(PostgresAddress.parse("postgresql://app:a+b@db/calls").password()).isEqualTo("a+b");
  }
}
