package io.switchboard.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.config.SettingCatalog;
import io.switchboard.core.config.SettingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table lists exactly the settings the server knows, as it knows them.
 */
class ReadmeConfigurationTableTest {

  @Test
  void theReadmeTableMatchesTheSettingCatalog() throws IOException {
    List<String> rows =
        Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8).stream()
            .filter(line -> line.startsWith("| `") && line.contains("`SWITCHBOARD_"))
            .toList();

    List<String> expected = SettingCatalog.ALL.stream().map(this::row).toList();

    assertThat(rows).containsExactlyElementsOf(expected);
  }

  private String row(SettingKey setting) {
    String defaultValue =
        setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
    return "| `"
        + setting.key()
        + "` | `"
        + setting.environmentVariable()
        + "` | "
        + defaultValue
        + " | "
        + setting.description()
        + " |";
  }
}
