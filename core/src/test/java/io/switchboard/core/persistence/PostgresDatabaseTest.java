package io.switchboard.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.switchboard.core.config.PostgresAddress;
import io.switchboard.core.config.PostgresSettings;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class PostgresDatabaseTest {

  private static PostgresSettings settings(String password) {
    return SwitchboardSettings.from(RawSettings.defaults())
        .postgres()
        .withAddress(new PostgresAddress("127.0.0.1", 1, "switchboard", "app", password));
  }

  @Test
  void openingDoesNotConnectAndTheDescriptionHidesThePassword(Vertx vertx, VertxTestContext ctx) {
    PostgresDatabase database = PostgresDatabase.open(vertx, settings("s3cret"));

    assertThat(database.describe()).isEqualTo("postgresql://app:***@127.0.0.1:1/switchboard");
    database.close().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aDatabaseWithoutPasswordOpens(Vertx vertx) {
    assertThatCode(() -> PostgresDatabase.open(vertx, settings(null)).close())
        .doesNotThrowAnyException();
  }
}
