package io.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad setting stops the real jar before it starts anything, with one line naming the key. */
class BadSettingIT {

  @TempDir Path directory;

  @Test
  void aMalformedPortExitsNonZeroNamingTheKey() throws Exception {
    assertRefused(Map.of("SWITCHBOARD_HTTP_PORT", "80x80"), "http.port");
  }

  @Test
  void aMistypedVariableExitsNonZeroNamingIt() throws Exception {
    assertRefused(Map.of("SWITCHBOARD_HTTP_PROT", "8080"), "SWITCHBOARD_HTTP_PROT");
  }

  @Test
  void aBadDurationExitsNonZeroNamingTheKey() throws Exception {
    assertRefused(Map.of("SWITCHBOARD_SHUTDOWN_TIMEOUT", "ten seconds"), "shutdown.timeout");
  }

  @Test
  void aBadAmiServerListExitsNonZeroNamingTheKey() throws Exception {
    assertRefused(Map.of("SWITCHBOARD_AMI_SERVERS", "pbx1=ami://admin@10.0.0.5"), "ami.servers");
  }

  @Test
  void productionModeWithoutADatabaseExitsNonZeroNamingTheKey() throws Exception {
    assertRefused(Map.of("SWITCHBOARD_MODE", "production"), "postgres.url");
  }

  @Test
  void aBrokenConfigFileExitsNonZeroNamingTheFile() throws Exception {
    Path file = directory.resolve("switchboard.yaml");
    Files.writeString(file, "http: [unclosed\n", StandardCharsets.UTF_8);

    assertRefused(Map.of(), "--config", "--config", file.toString());
  }

  private void assertRefused(Map<String, String> environment, String key, String... args)
      throws Exception {
    try (ServerProcess server = ServerProcess.start(directory, environment, args)) {
      assertThat(server.awaitExit(Duration.ofSeconds(30))).as(server.output()).hasValue(2);
      assertThat(server.stderrLines()).as(server.output()).hasSize(1);
      assertThat(server.stderrLines().get(0)).startsWith("switchboard: bad setting " + key + ": ");
      assertThat(directory.resolve("data")).as("nothing was started").doesNotExist();
    }
  }
}
