package io.switchboard.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserRequestsTest {

  @Test
  void aValidCreationDefaultsToActiveWithTheUsernameAsDisplayName() {
    UserRequests.Creation creation =
        UserRequests.creation(
            new JsonObject()
                .put("username", "li.wang")
                .put("password", "correct horse battery")
                .put("roles", new JsonArray().add("agent")));

    assertThat(creation.user())
        .isEqualTo(new NewUser("li.wang", "li.wang", true, Set.of(Role.AGENT)));
    assertThat(creation.password()).isEqualTo("correct horse battery");
  }

  @Test
  void everyBadFieldIsNamedInOneAnswer() {
    JsonObject body =
        new JsonObject()
            .put("username", "li wang")
            .put("password", "short")
            .put("roles", new JsonArray().add("boss"))
            .put("active", "yes");

    assertThatThrownBy(() -> UserRequests.creation(body))
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            thrown -> assertThat(thrown.code()).isEqualTo(ErrorCode.VALIDATION_FAILED))
        .hasMessageContaining("username: must be 1 to 64 letters")
        .hasMessageContaining("password: must be 12 to 128 characters long")
        .hasMessageContaining("roles: unknown role boss")
        .hasMessageContaining("active: must be true or false");
  }

  @Test
  void anUpdateChangesOnlyWhatItNames() {
    UserUpdate update =
        UserRequests.update(new JsonObject().put("roles", new JsonArray().add("supervisor")));

    assertThat(update.roles()).contains(Set.of(Role.SUPERVISOR));
    assertThat(update.displayName()).isEmpty();
    assertThat(update.active()).isEqualTo(Optional.empty());
  }

  @Test
  void anEmptyUpdateIsRefused() {
    assertThatThrownBy(() -> UserRequests.update(new JsonObject()))
        .hasMessageContaining("the body changes nothing");
  }
}
