package io.switchboard.crm.security;

import static io.switchboard.crm.security.AuthRoutesIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.config.Mode;
import io.switchboard.core.config.SecuritySettings;
import io.switchboard.core.persistence.PostgresDatabase;
import io.switchboard.crm.security.persistence.UserRepository;
import io.switchboard.testsupport.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AdminBootstrapIT {

  private TestDatabase testDatabase;
  private PostgresDatabase database;
  private UserRepository users;
  private PasswordHasher hasher;
  private AdminBootstrap bootstrap;

  @BeforeEach
  void open(Vertx vertx) throws Exception {
    testDatabase = TestDatabase.create();
    database = PostgresDatabase.open(vertx, testDatabase.settings());
    users = new UserRepository(database.pool());
    hasher = await(PasswordHasher.create(vertx, 1));
    bootstrap = new AdminBootstrap(users, hasher);
  }

  @AfterEach
  void close() {
    try {
      await(hasher.close());
      await(database.close());
    } finally {
      testDatabase.close();
    }
  }

  private static SecuritySettings settings(Optional<String> password) {
    return new SecuritySettings(
        Duration.ofHours(8), 5, 50, Duration.ofMinutes(15), 1, "root", password);
  }

  private boolean passwordMatches(String username, String password) {
    Credentials credentials = await(users.findCredentials(username)).orElseThrow();
    return await(hasher.verify(password, credentials.passwordHash()));
  }

  @Test
  void theConfiguredPasswordMakesTheFirstAdmin() {
    AdminBootstrap.Outcome outcome =
        await(bootstrap.run(Mode.PRODUCTION, settings(Optional.of("configured password"))));

    assertThat(outcome.admin()).isPresent();
    assertThat(outcome.admin().get().roles()).containsExactly(Role.ADMIN);
    assertThat(outcome.generatedPassword()).isEmpty();
    assertThat(passwordMatches("root", "configured password")).isTrue();
  }

  @Test
  void devModeWithoutAPasswordGeneratesOne() {
    AdminBootstrap.Outcome outcome = await(bootstrap.run(Mode.DEV, settings(Optional.empty())));

    assertThat(outcome.generatedPassword()).isPresent();
    assertThat(passwordMatches("root", outcome.generatedPassword().get())).isTrue();
  }

  @Test
  void productionWithoutAPasswordMakesNobody() {
    AdminBootstrap.Outcome outcome =
        await(bootstrap.run(Mode.PRODUCTION, settings(Optional.empty())));

    assertThat(outcome.admin()).isEmpty();
    assertThat(await(users.hasActiveAdmin())).isFalse();
  }

  @Test
  void anExistingActiveAdminIsLeftAlone() {
    await(bootstrap.run(Mode.PRODUCTION, settings(Optional.of("configured password"))));

    AdminBootstrap.Outcome again =
        await(bootstrap.run(Mode.PRODUCTION, settings(Optional.of("another password!"))));

    assertThat(again.admin()).isEmpty();
    assertThat(passwordMatches("root", "configured password")).isTrue();
  }

  @Test
  void anInactiveUserOfThatNameIsReactivatedAsAdmin() {
    User old =
        await(
            hasher
                .hash("forgotten password")
                .compose(
                    hash ->
                        users.create(
                            new NewUser("Root", "Old root", false, Set.of()), hash, null)));

    AdminBootstrap.Outcome outcome =
        await(bootstrap.run(Mode.PRODUCTION, settings(Optional.of("configured password"))));

    assertThat(outcome.admin().get().id()).isEqualTo(old.id());
    assertThat(outcome.admin().get().active()).isTrue();
    assertThat(outcome.admin().get().roles()).containsExactly(Role.ADMIN);
    assertThat(passwordMatches("Root", "configured password")).isTrue();
  }
}
