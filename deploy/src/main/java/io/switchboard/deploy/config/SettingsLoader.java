package io.switchboard.deploy.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.core.SuppressForbidden;
import io.switchboard.core.config.InvalidSettingException;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SettingCatalog;
import io.switchboard.core.config.SettingKey;
import io.switchboard.core.config.SwitchboardSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads settings in one place, in this order: built-in defaults, then the optional file given by
 * {@code --config} (YAML or JSON, nested or dotted keys), then {@code SWITCHBOARD_*} environment
 * variables, then the mode forced on the command line. Unknown keys fail, naming where they came
 * from. Runs once on the main thread at start.
 */
public final class SettingsLoader {

  /** Environment variables with this prefix belong to the test harness, not to the server. */
  private static final String TEST_PREFIX = SettingKey.ENV_PREFIX + "TEST_";

  private static final int MAX_FILE_BYTES = 1024 * 1024;

  private SettingsLoader() {}

  /**
   * Builds the node's settings.
   *
   * @throws InvalidSettingException naming the first bad key
   */
  public static SwitchboardSettings load(CommandLine commandLine, Map<String, String> environment) {
    RawSettings raw = RawSettings.defaults();
    if (commandLine.configFile().isPresent()) {
      Path file = commandLine.configFile().get();
      raw = raw.with(readFile(file), file.toString());
    }
    raw = raw.with(fromEnvironment(environment), "environment");
    if (commandLine.mode().isPresent()) {
      raw = raw.with(Map.of("mode", commandLine.mode().get()), "command line");
    }
    return SwitchboardSettings.from(raw);
  }

  /** The settings named by {@code SWITCHBOARD_*} variables; an unknown one fails. */
  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> byVariable = new LinkedHashMap<>();
    SettingCatalog.ALL.forEach(
        setting -> byVariable.put(setting.environmentVariable(), setting.key()));
    Map<String, String> settings = new LinkedHashMap<>();
    environment.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(SettingKey.ENV_PREFIX))
        .filter(entry -> !entry.getKey().startsWith(TEST_PREFIX))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry -> {
              String key = byVariable.get(entry.getKey());
              if (key == null) {
                throw new InvalidSettingException(
                    entry.getKey(),
                    "unknown setting (environment variable); see the README's table");
              }
              settings.put(key, entry.getValue());
            });
    return settings;
  }

  /** The settings in a YAML or JSON file, flattened to dotted keys. */
  static Map<String, String> readFile(Path file) {
    byte[] content = readBytes(file);
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(content);
    } catch (JsonProcessingException malformed) {
      throw new InvalidSettingException(
          "--config",
          file + " is not valid YAML or JSON: " + problem(malformed) + locate(malformed));
    } catch (IOException unreadable) {
      throw new InvalidSettingException(
          "--config", "cannot read " + file + ": " + unreadable.getMessage());
    }
    Map<String, String> settings = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return settings;
    }
    if (!root.isObject()) {
      throw new InvalidSettingException("--config", file + " must hold a mapping of settings");
    }
    flatten("", root, settings, file);
    return settings;
  }

  @SuppressForbidden(reason = "reads the configuration file once, on the main thread at start")
  private static byte[] readBytes(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidSettingException("--config", file + " is larger than 1 MiB");
      }
      return Files.readAllBytes(file);
    } catch (IOException unreadable) {
      throw new InvalidSettingException(
          "--config",
          "cannot read "
              + file
              + ": "
              + unreadable.getClass().getSimpleName()
              + " "
              + unreadable.getMessage());
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(key, value, out, file);
      } else if (value.isArray()) {
        out.put(key, joinList(key, value, file));
      } else {
        out.put(key, value.isNull() ? "" : value.asText());
      }
    }
  }

  private static String joinList(String key, JsonNode list, Path file) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode item : list) {
      if (!item.isValueNode()) {
        throw new InvalidSettingException(
            key, "list items must be plain values (from " + file + ")");
      }
      joined.append(joined.length() == 0 ? "" : ",").append(item.asText());
    }
    return joined.toString();
  }

  /** The parser's complaint in one line: YAML messages quote the input over several lines. */
  private static String problem(JsonProcessingException malformed) {
    StringBuilder problem = new StringBuilder();
    for (String line : String.valueOf(malformed.getOriginalMessage()).split("\\R")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        problem.append(problem.length() == 0 ? "" : ": ").append(line.trim());
      }
    }
    return problem.toString();
  }

  private static String locate(JsonProcessingException malformed) {
    return Optional.ofNullable(malformed.getLocation())
        .map(at -> " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
        .orElse("");
  }
}
