package io.switchboard.core.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsolePayloadJsonTest {

  @Test
  void everyPayloadSurvivesItsJsonForm() {
    JsonObject data = new JsonObject().put("reason", "lunch");
    ConsoleMessage message = new ConsoleMessage("agent.state.changed", data);
    ConsoleCommand command = new ConsoleCommand(7, "ann", List.of("agent"), "agent.pause", data);
    SnapshotRequest snapshot = new SnapshotRequest(7, "ann", List.of("agent", "supervisor"));
    TokenVerifyRequest verify = new TokenVerifyRequest("abc");
    VerifiedUser user = new VerifiedUser(7, "ann", List.of("admin"));

    assertThat(ConsoleMessage.fromJson(message.toJson())).isEqualTo(message);
    assertThat(ConsoleCommand.fromJson(command.toJson())).isEqualTo(command);
    assertThat(SnapshotRequest.fromJson(snapshot.toJson())).isEqualTo(snapshot);
    assertThat(TokenVerifyRequest.fromJson(verify.toJson())).isEqualTo(verify);
    assertThat(VerifiedUser.fromJson(user.toJson())).isEqualTo(user);
  }

  @Test
  void aMessageWithoutDataGetsAnEmptyObject() {
    assertThat(ConsoleMessage.fromJson(new JsonObject().put("type", "x")).data()).isEmpty();
  }

  @Test
  void aPayloadWithAMissingOrWrongFieldIsRefusedNamingIt() {
    assertThatThrownBy(() -> ConsoleMessage.fromJson(new JsonObject()))
        .hasMessageContaining("'type'");
    assertThatThrownBy(
            () -> VerifiedUser.fromJson(new JsonObject().put("userId", "x").put("username", "a")))
        .hasMessageContaining("'userId'");
    assertThatThrownBy(() -> SnapshotRequest.fromJson(new JsonObject().put("userId", 1)))
        .hasMessageContaining("'username'");
    assertThatThrownBy(
            () ->
                SnapshotRequest.fromJson(new JsonObject().put("userId", 1).put("username", "ann")))
        .hasMessageContaining("'roles'");
  }

  @Test
  void addressesAreBuiltForUsersAndKnownRolesOnly() {
    assertThat(ConsoleAddresses.toUser(42)).isEqualTo("console.to.user.42");
    assertThat(ConsoleAddresses.toRole("supervisor")).isEqualTo("console.to.role.supervisor");
    assertThatThrownBy(() -> ConsoleAddresses.toRole("root")).hasMessageContaining("'root'");
  }

  @Test
  void aCommandGoesToTheAddressOfItsTypesFirstSegment() {
    assertThat(ConsoleAddresses.commandAddress("agent.wrapup.done"))
        .isEqualTo("console.command.agent");
    assertThat(ConsoleAddresses.commandAddress("call.dial")).isEqualTo("console.command.call");
    assertThat(ConsoleAddresses.commandAddress("ping")).isEqualTo("console.command.ping");
    assertThat(ConsoleAddresses.commandDomain("supervisor.spy")).isEqualTo("supervisor");
    assertThatThrownBy(() -> ConsoleAddresses.commandAddress(".x")).hasMessageContaining("'.x'");
  }

  @Test
  void aTokenNeverAppearsInItsRequestsText() {
    assertThat(new TokenVerifyRequest("secret-token").toString()).doesNotContain("secret-token");
  }
}
