package io.switchboard.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the migrations that may already run in some database: each one's SHA-256 is recorded in
 * {@value #RECORD_FILE} (the output of {@code sha256sum}), and a migration that no longer matches
 * its record fails the build, because Flyway would refuse to start against a database that applied
 * the old text.
 */
class AppliedMigrationsTest {

  private static final String RECORD_FILE = "core/src/test/resources/applied-migrations.sha256";
  private static final String LOCATION = DatabaseMigrations.LOCATION.replace("classpath:", "");

  @Test
  void theRecordIsInSha256sumFormat() throws IOException {
    assertThat(recordLines())
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .as("a line of %s", RECORD_FILE)
                    .matches("[0-9a-f]{64}  V[0-9]+__\\w+\\.sql"));
  }

  @Test
  void appliedMigrationsAreNeverEdited() throws IOException {
    Map<String, String> recorded = recorded();
    Map<String, String> present = migrationsOnTheClasspath();
    List<String> problems = new ArrayList<>();
    recorded.forEach(
        (name, sha256) -> {
          String now = present.get(name);
          if (now == null) {
            problems.add(
                name
                    + " is recorded in "
                    + RECORD_FILE
                    + " but gone from db/migration: applied migrations are never removed");
          } else if (!now.contains(sha256)) {
            problems.add(
                name
                    + " differs from the recorded text (sha256 "
                    + sha256
                    + "): applied migrations are never edited: add a new V<n>__...sql instead");
          }
        });
    assertThat(problems).as("edited migrations").isEmpty();
  }

  @Test
  void everyMigrationIsRecorded() throws IOException {
    Map<String, String> recorded = recorded();
    List<String> problems = new ArrayList<>();
    migrationsOnTheClasspath()
        .forEach(
            (name, sha256) -> {
              if (!recorded.containsKey(name)) {
                problems.add(
                    name
                        + " is not recorded: record it, once it is final, by adding the line \""
                        + sha256.split(" ")[0]
                        + "  "
                        + name
                        + "\" to "
                        + RECORD_FILE);
              }
            });
    assertThat(problems).as("unrecorded migrations").isEmpty();
  }

  private static List<String> recordLines() throws IOException {
    try (InputStream record =
        AppliedMigrationsTest.class.getResourceAsStream("/applied-migrations.sha256")) {
      assertThat(record).as(RECORD_FILE + " on the test classpath").isNotNull();
      String text = new String(record.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.isBlank()).toList();
    }
  }

  private static Map<String, String> recorded() throws IOException {
    Map<String, String> recorded = new TreeMap<>();
    for (String line : recordLines()) {
      String[] parts = line.split(" [ *]", 2);
      recorded.put(parts[1].strip(), parts[0]);
    }
    return recorded;
  }

  /**
   * Each migration file by name, with the SHA-256 of its bytes and, when it has CR LF line ends (a
   * Windows checkout), of its bytes with LF line ends, separated by a space.
   */
  private static Map<String, String> migrationsOnTheClasspath() throws IOException {
    Map<String, String> migrations = new TreeMap<>();
    for (URL url :
        Collections.list(AppliedMigrationsTest.class.getClassLoader().getResources(LOCATION))) {
      URI uri = toUri(url);
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          addMigrations(jar.getPath(LOCATION), migrations);
        }
      } else {
        addMigrations(Path.of(uri), migrations);
      }
    }
    assertThat(migrations).as("migrations in " + LOCATION).isNotEmpty();
    return migrations;
  }

  private static void addMigrations(Path directory, Map<String, String> migrations)
      throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        String lf = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        migrations.put(
            file.getFileName().toString(),
            sha256(bytes) + " " + sha256(lf.getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  private static URI toUri(URL url) {
    try {
      return url.toURI();
    } catch (URISyntaxException malformed) {
      throw new IllegalStateException(malformed);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException(missing);
    }
  }
}
