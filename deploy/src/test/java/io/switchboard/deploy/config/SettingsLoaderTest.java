package io.switchboard.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.config.InvalidSettingException;
import io.switchboard.core.config.LogSettings;
import io.switchboard.core.config.Mode;
import io.switchboard.core.config.SwitchboardSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

  @TempDir Path directory;

  private static final CommandLine NO_ARGUMENTS = CommandLine.parse(List.of());

  @Test
  void withNothingGivenTheDefaultsMakeADevNode() {
    SwitchboardSettings settings = SettingsLoader.load(NO_ARGUMENTS, Map.of());

    assertThat(settings.mode()).isEqualTo(Mode.DEV);
    assertThat(settings.http().port()).isEqualTo(8080);
    assertThat(settings.postgres().address()).isEmpty();
    assertThat(settings.redis().address()).isEmpty();
    assertThat(settings.amiServers()).isEmpty();
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void theFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws IOException {
    Path file =
        write(
            "switchboard.yaml",
            """
            http:
              port: 9000
              host: 127.0.0.1
            log.format: json
            """);

    SwitchboardSettings settings =
        SettingsLoader.load(
            CommandLine.parse(List.of("--config", file.toString())),
            Map.of("SWITCHBOARD_HTTP_PORT", "9100", "PATH", "/usr/bin"));

    assertThat(settings.http().port()).isEqualTo(9100);
    assertThat(settings.http().host()).isEqualTo("127.0.0.1");
    assertThat(settings.log().format()).isEqualTo(LogSettings.Format.JSON);
  }

  @Test
  void theCommandLineModeWinsOverEverything() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    CommandLine.parse(List.of("--production")), Map.of("SWITCHBOARD_MODE", "dev")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("postgres.url: is required in production mode");
  }

  @Test
  void aJsonFileWithAListOfAmiServersIsRead() throws IOException {
    Path file =
        write(
            "switchboard.json",
            """
            {"ami": {"servers": ["pbx1=ami://admin:s3cret@10.0.0.5:5038", "pbx2=ami://admin:x@pbx2"]},
             "postgres": {"url": "postgresql://switchboard:pw@db:5432/switchboard"}}
            """);

    SwitchboardSettings settings =
        SettingsLoader.load(CommandLine.parse(List.of("--config", file.toString())), Map.of());

    assertThat(settings.amiServers())
        .extracting(server -> server.id())
        .containsExactly("pbx1", "pbx2");
    assertThat(settings.amiServers().get(1).port()).isEqualTo(5038);
    assertThat(settings.postgres().address())
        .hasValueSatisfying(a -> assertThat(a.host()).isEqualTo("db"));
  }

  @Test
  void anUnknownKeyInTheFileIsNamedWithTheFile() throws IOException {
    Path file = write("switchboard.yaml", "htp:\n  port: 9000\n");

    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    CommandLine.parse(List.of("--config", file.toString())), Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("htp.port")
        .hasMessageContaining("unknown setting")
        .hasMessageContaining(file.toString());
  }

  @Test
  void anUnknownSwitchboardVariableIsNamed() {
    assertThatThrownBy(
            () -> SettingsLoader.load(NO_ARGUMENTS, Map.of("SWITCHBOARD_HTTP_PROT", "9000")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("SWITCHBOARD_HTTP_PROT: unknown setting");
  }

  @Test
  void testHarnessVariablesAreNotSettings() {
    SwitchboardSettings settings =
        SettingsLoader.load(
            NO_ARGUMENTS, Map.of("SWITCHBOARD_TEST_PG_URL", "postgresql://postgres@x/postgres"));

    assertThat(settings.postgres().address()).isEmpty();
  }

  @Test
  void aBadValueNamesTheKeyTheValueAndWhereItCameFrom() {
    assertThatThrownBy(
            () -> SettingsLoader.load(NO_ARGUMENTS, Map.of("SWITCHBOARD_HTTP_PORT", "80x")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "http.port: must be a whole number from 0 to 65535 (got \"80x\" from environment)");
  }

  @Test
  void aPasswordInABadUrlIsNotEchoed() {
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    NO_ARGUMENTS, Map.of("SWITCHBOARD_POSTGRES_URL", "mysql://root:hunter2@db/x")))
        .hasMessageStartingWith("postgres.url: must start with postgresql://")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void malformedYamlIsReportedWithItsLine() throws IOException {
    Path file = write("switchboard.yaml", "http:\n  port: 9000\n bad indentation: [\n");

    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    CommandLine.parse(List.of("--config", file.toString())), Map.of()))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("--config: ")
        .hasMessageContaining("not valid YAML or JSON")
        .hasMessageContaining("line ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMissingFileIsReportedByName() {
    Path missing = directory.resolve("nowhere.yaml");

    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    CommandLine.parse(List.of("--config", missing.toString())), Map.of()))
        .hasMessageStartingWith("--config: cannot read " + missing);
  }

  @Test
  void aFileThatIsNotAMappingIsRefused() throws IOException {
    Path file = write("switchboard.yaml", "- just\n- a list\n");

    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    CommandLine.parse(List.of("--config", file.toString())), Map.of()))
        .hasMessageContaining("must hold a mapping of settings");
  }

  @Test
  void anEmptyFileChangesNothing() throws IOException {
    Path file = write("switchboard.yaml", "");

    SwitchboardSettings settings =
        SettingsLoader.load(CommandLine.parse(List.of("--config", file.toString())), Map.of());

    assertThat(settings.http().port()).isEqualTo(8080);
  }

  @Test
  void commandLineArgumentsAreChecked() {
    assertThatThrownBy(() -> CommandLine.parse(List.of("--confg", "x.yaml")))
        .hasMessage("unknown argument '--confg' (try --help)");
    assertThatThrownBy(() -> CommandLine.parse(List.of("--config")))
        .hasMessage("--config needs a file name");
    assertThat(CommandLine.parse(List.of("--dev")).mode()).isEqualTo(Optional.of("dev"));
    assertThat(CommandLine.parse(List.of("--help")).help()).isTrue();
  }

  private Path write(String name, String content) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
